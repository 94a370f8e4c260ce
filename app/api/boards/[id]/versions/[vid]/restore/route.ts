import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { versionCall } from "@/server/api/versionErrors";

type Ctx = { params: Promise<{ id: string; vid: string }> };

const Restore = z.strictObject({
  author: z.string().trim().min(1).max(100).optional(),
  /** false: only save the "before restoring" version and return the file; the browser applies it (undoable). */
  apply: z.boolean().default(true),
});

/** Restores a version for everyone (editor or owner); the state before is kept as an automatic version. */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const { id, vid } = await ctx.params;
  await requireAccess(req, id, "editor");
  const body = await parseBody(req, Restore);
  const { backup, file } = await versionCall(getRuntime().versions.restore(id, vid, body.author ?? "Someone", body.apply));
  return NextResponse.json({ restored: vid, backup, file });
});
