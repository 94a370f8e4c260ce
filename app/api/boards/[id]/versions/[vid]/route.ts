import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { versionCall } from "@/server/api/versionErrors";

type Ctx = { params: Promise<{ id: string; vid: string }> };

/** The version as a chainboard/v1 file (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json(await versionCall(getRuntime().versions.file(id, vid)));
});

const UpdateVersion = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(5000).optional(),
});

/** Renames a version or edits its note (editor or owner). */
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "editor");
  const fields = await parseBody(req, UpdateVersion);
  return NextResponse.json(await versionCall(getRuntime().versions.update(id, vid, fields)));
});

/** Deletes a version (owner only). */
export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "owner");
  await versionCall(getRuntime().versions.remove(id, vid));
  return new NextResponse(null, { status: 204 });
});
