import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { RestoreVersionBody, type RestoredVersion } from "@/lib/contracts/versions";

type Ctx = { params: Promise<{ id: string; vid: string }> };

/** Restores a version for everyone (editor or owner); the state before is kept as an automatic version. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "editor");
  const body = await parseBody(req, RestoreVersionBody);
  const { backup, file } = await getRuntime().versions.restore(id, vid, body.author ?? "Someone", body.apply);
  return NextResponse.json({ restored: vid, backup, file } satisfies RestoredVersion);
});
