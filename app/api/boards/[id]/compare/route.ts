import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { ApiError, requireAccess, route } from "@/server/api/http";
import { diffBoards } from "@/lib/valuechain/boardDiff";
import { LIVE, type CompareResult } from "@/lib/contracts/versions";

/** The semantic diff between two versions, or a version and the live board (any role). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  const params = new URL(req.url).searchParams;
  const from = params.get("from");
  const to = params.get("to");
  if (!from || !to) throw new ApiError(400, "invalid_request", `Both from and to are required: a version id or ${LIVE}.`, from ? "to" : "from");
  const { versions } = getRuntime();
  const [a, b] = await Promise.all([versions.board(id, from), versions.board(id, to)]);
  return NextResponse.json({ from, to, ...diffBoards(a, b) } satisfies CompareResult);
});
