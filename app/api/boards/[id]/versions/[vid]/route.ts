import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { UpdateVersionBody } from "@/lib/contracts/versions";

type Ctx = { params: Promise<{ id: string; vid: string }> };

/** The version as a chainboard/v1 file (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json(await getRuntime().versions.file(id, vid));
});

/** Renames a version or edits its note (editor or owner). */
export const PATCH = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "editor");
  const fields = await parseBody(req, UpdateVersionBody);
  return NextResponse.json(await getRuntime().versions.update(id, vid, fields));
});

/** Deletes a version (owner only). */
export const DELETE = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "owner");
  await getRuntime().versions.remove(id, vid);
  return new NextResponse(null, { status: 204 });
});
