import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { requireAccess, route } from "@/server/api/http";
import { toBoardFile } from "@/lib/valuechain/schema";

/** The live board as a `chainboard/v1` file (any role). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "viewer");
  const file = toBoardFile(await getRuntime().live.read(id));
  const name = file.title.replace(/[^\w.-]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "board";
  return NextResponse.json(file, { headers: { "content-disposition": `attachment; filename="${name}.chainboard.json"` } });
});
