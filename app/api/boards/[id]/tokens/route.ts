import { NextResponse } from "next/server";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { ApiError, readJson, requireAccess, route } from "@/server/api/http";

const Rotate = z.strictObject({
  roles: z.array(z.enum(["editor", "viewer"])).min(1).max(2).default(["editor", "viewer"]),
});

/**
 * Replaces the edit and/or view link (owner only). Connections that used a replaced link
 * are closed at once with 4401; the old link then gets 401.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const parsed = Rotate.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, "invalid_request", issue.message, issue.path.join("."));
  }
  const { boards, collab } = getRuntime();
  const { tokens, revoked } = await boards.rotate(id, [...new Set(parsed.data.roles)]);
  const closed = collab?.closeTokens(revoked) ?? 0;
  return NextResponse.json({ ...(tokens.editor ? { editToken: tokens.editor } : {}), ...(tokens.viewer ? { viewToken: tokens.viewer } : {}), closedConnections: closed });
});
