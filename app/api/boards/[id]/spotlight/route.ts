import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route } from "@/server/api/http";
import { SpotlightBody } from "@/lib/contracts/rounds";

/** Brings everyone to the facilitator's view (owner). */
export const PUT = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const body = await parseBody(req, SpotlightBody);
  await getRuntime().rounds.setSpotlight(id, { ...body, since: new Date().toISOString() });
  return new NextResponse(null, { status: 204 });
});

/** Lets everyone move freely again (owner). */
export const DELETE = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  await getRuntime().rounds.setSpotlight(id, null);
  return new NextResponse(null, { status: 204 });
});
