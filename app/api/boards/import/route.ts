import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { ApiError, clientOf, rateLimit, readJson, route } from "@/server/api/http";
import { parseBoardFile } from "@/lib/valuechain/schema";

/** Creates a board from a `chainboard/v1` file; a malformed file creates nothing. */
export const POST = route(async (req: Request) => {
  await rateLimit(getRuntime().rateLimits.boardCreates, clientOf(req));
  const parsed = parseBoardFile(await readJson(req));
  if (!parsed.ok) throw new ApiError(400, parsed.error.code, parsed.error.message, parsed.error.path);
  const { format: _format, ...board } = parsed.board;
  return NextResponse.json(await getRuntime().boards.create(board), { status: 201 });
});
