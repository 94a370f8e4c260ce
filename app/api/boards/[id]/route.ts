import { NextResponse } from "next/server";
import { requireAccess, route } from "@/server/api/http";

/**
 * What the caller's token grants on this board (any role): `{ id, role }`. The board page asks
 * this once it has taken the token out of its address. A wrong token and a board that does not
 * exist both answer 401, so the answer never tells whether a board id exists.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const access = await requireAccess(req, id, "viewer");
  return NextResponse.json({ id, role: access.role });
});
