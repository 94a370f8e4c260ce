import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { requireAccess, route } from "@/server/api/http";

/** The facilitator drops a duplicate participant's answers (owner). */
export const DELETE = route(async (req: Request, ctx: { params: Promise<{ id: string; rid: string; ref: string }> }) => {
  const { id, rid, ref } = await ctx.params;
  await requireAccess(req, id, "owner");
  await getRuntime().rounds.drop(id, rid, ref);
  return new NextResponse(null, { status: 204 });
});
