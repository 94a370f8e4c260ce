import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { clientOf, parseBody, rateLimit, route } from "@/server/api/http";
import { seedBoard } from "@/server/boards/seedBoard";
import { CreateBoardBody } from "@/lib/contracts/boards";

/** Creates a board, blank or from a template; anyone may (bounded per address). */
export const POST = route(async (req: Request) => {
  await rateLimit(getRuntime().rateLimits.boardCreates, clientOf(req));
  const body = await parseBody(req, CreateBoardBody);
  return NextResponse.json(await getRuntime().boards.create(seedBoard(body.template, body.title)), { status: 201 });
});
