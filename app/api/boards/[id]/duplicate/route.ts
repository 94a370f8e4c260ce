import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { clientOf, parseBody, rateLimit, requireAccess, route } from "@/server/api/http";
import { DuplicateBoardBody } from "@/lib/contracts/boards";

/**
 * A copy of the live board as a new board with its own links (editor). A plain copy keeps the
 * finished workshop rounds and the comment threads; a template keeps the chain, the notes and
 * the frames only. Versions stay with the original.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "editor");
  await rateLimit(getRuntime().rateLimits.boardCreates, clientOf(req));
  const body = await parseBody(req, DuplicateBoardBody);
  const { boards, live } = getRuntime();
  const board = await live.read(id);
  const { comments, ...chain } = board;
  const copy = body.asTemplate ? chain : { ...chain, ...(comments ? { comments } : {}) };
  return NextResponse.json(await boards.create({ ...copy, title: body.title ?? board.title }, body.asTemplate ? undefined : id), { status: 201 });
});
