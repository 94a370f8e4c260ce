import { NextResponse } from "next/server";
import { getRuntime } from "@/server/runtime";
import { parseBody, requireAccess, route, tokenOf } from "@/server/api/http";
import { RotateTokensBody, type RotatedTokens } from "@/lib/contracts/boards";

/**
 * The links the caller's role may give out (any role): the owner gets the edit and view tokens,
 * an editor or a viewer the view token. A token this server cannot show again (a board made
 * before links were kept sealed, until the owner replaces that link) is null.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const access = await requireAccess(req, id, "viewer");
  // requireAccess has just resolved this token, so there is one.
  const shareable = await getRuntime().boards.shareable(access, tokenOf(req) as string);
  return NextResponse.json(shareable, { headers: { "cache-control": "no-store" } });
});

/**
 * Replaces the edit and/or view link (owner only). Connections that used a replaced link
 * are closed at once with 4401; the old link then gets 401.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const ownerToken = tokenOf(req) as string; // resolved to the owner just above
  const body = await parseBody(req, RotateTokensBody);
  const { boards, collab } = getRuntime();
  const { tokens, revoked } = await boards.rotate(id, [...new Set(body.roles)], ownerToken);
  const closed = collab?.closeTokens(revoked) ?? 0;
  return NextResponse.json({ ...(tokens.editor ? { editToken: tokens.editor } : {}), ...(tokens.viewer ? { viewToken: tokens.viewer } : {}), closedConnections: closed } satisfies RotatedTokens);
});
