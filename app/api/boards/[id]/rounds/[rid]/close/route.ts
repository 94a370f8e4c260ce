import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { requireAccess, route } from "@/server/api/http";

/** Closes the round: no more answers; its results stay readable (owner). */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string; rid: string }> }) => {
  const { id, rid } = await ctx.params;
  await requireAccess(req, id, "owner");
  return NextResponse.json(await getRuntime().rounds.close(id, rid));
});
