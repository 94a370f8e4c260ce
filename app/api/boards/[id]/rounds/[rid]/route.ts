import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { requireAccess, route } from "@/server/api/http";

/** Status and who answered; all answers and the scores only once revealed (any role). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string; rid: string }> }) => {
  const { id, rid } = await ctx.params;
  await requireAccess(req, id, "viewer");
  return NextResponse.json(await getRuntime().rounds.view(id, rid));
});
