import { getRuntime } from "@/server/runtime";
import { requireAccess, route } from "@/server/api/http";

/** A revealed round as a readable Markdown section, for reports (any role). */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string; rid: string }> }) => {
  const { id, rid } = await ctx.params;
  await requireAccess(req, id, "viewer");
  const text = await getRuntime().rounds.summary(id, rid);
  return new Response(text, { headers: { "content-type": "text/markdown; charset=utf-8" } });
});
