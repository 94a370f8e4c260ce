import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, rateLimit, requireAccess, route } from "@/server/api/http";
import { SaveVersionBody, type VersionSummary } from "@/lib/contracts/versions";

type Ctx = { params: Promise<{ id: string }> };

/** Saves the live board as a named version (editor or owner). */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "editor");
  const body = await parseBody(req, SaveVersionBody);
  // Each version is a full copy of the board: bounded per board, whoever saves them, in pace
  // (RATE_VERSIONS_PER_MINUTE) and in number (MAX_NAMED_VERSIONS_PER_BOARD, 409 version_quota).
  await rateLimit(getRuntime().rateLimits.versionSaves, id);
  const v = await getRuntime().versions.save(id, { name: body.name, note: body.note, author: body.author ?? "Someone" });
  return NextResponse.json(v, { status: 201 });
});

/** Lists versions newest first, without their contents (any role). */
export const GET = route(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json({ versions: await getRuntime().versions.list(id) } satisfies { versions: VersionSummary[] });
});
