import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { parseBody, rateLimit, requireAccess, route } from "@/server/api/http";
import { versionCall } from "@/server/api/versionErrors";

type Ctx = { params: Promise<{ id: string }> };

const SaveVersion = z.strictObject({
  name: z.string().trim().min(1).max(200),
  note: z.string().max(5000).optional(),
  author: z.string().trim().min(1).max(100).optional(),
});

/** Saves the live board as a named version (editor or owner). */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "editor");
  const body = await parseBody(req, SaveVersion);
  // Each version is a full copy of the board: bounded per board, whoever saves them, in pace
  // (RATE_VERSIONS_PER_MINUTE) and in number (MAX_NAMED_VERSIONS_PER_BOARD, 409 version_quota).
  await rateLimit(getRuntime().rateLimits.versionSaves, id);
  const v = await versionCall(getRuntime().versions.save(id, { name: body.name, note: body.note, author: body.author ?? "Someone" }));
  return NextResponse.json(v, { status: 201 });
});

/** Lists versions newest first, without their contents (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json({ versions: await getRuntime().versions.list(id) });
});
