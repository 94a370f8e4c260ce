import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { requireAccess, route } from "@/server/api/http";
import { analyzeBoard } from "@/lib/valuechain/answers";

/** The eight value-chain questions answered from the live board (any role). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json(analyzeBoard(await getRuntime().live.read(id)));
});
