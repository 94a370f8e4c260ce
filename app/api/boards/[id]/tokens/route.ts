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
 * Replaces the edit, view and/or owner link (owner only). Connections that used a replaced link
 * are closed at once with 4401; the old link then gets 401. A new owner link comes back as
 * `ownerToken`; the caller's page switches to it (its own old connection is closed too).
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  await requireAccess(req, id, "owner");
  const ownerToken = tokenOf(req) as string; // resolved to the owner just above
  const body = await parseBody(req, RotateTokensBody);
  const { boards, collab } = getRuntime();
  const roles = new Set(body.roles);
  const shared = (["editor", "viewer"] as const).filter((r) => roles.has(r));
  // The shared links first, sealed under the current owner token; a new owner token then takes them over.
  const { tokens, revoked } = shared.length ? await boards.rotate(id, shared, ownerToken) : { tokens: {}, revoked: [] as string[] };
  const owner = roles.has("owner") ? await boards.rotateOwner(id, ownerToken) : null;
  const closed = collab?.closeTokens([...revoked, ...(owner?.revoked ?? [])]) ?? 0;
  return NextResponse.json({
    ...(tokens.editor ? { editToken: tokens.editor } : {}),
    ...(tokens.viewer ? { viewToken: tokens.viewer } : {}),
    ...(owner ? { ownerToken: owner.ownerToken } : {}),
    closedConnections: closed,
  } satisfies RotatedTokens);
});
