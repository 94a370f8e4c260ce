import { useCallback, useMemo, useState } from "react";
import { boardLink, readBoardLinks, replaceRecentLink, saveBoardLinks } from "@/components/home/recentBoards";
import { boardApi } from "@/components/api/client";
import type { RotatedTokens, RotateTokensRequest, ShareableTokens } from "@/lib/contracts/boards";
import { writePageAccess } from "../pageToken";
import { useSession } from "../hooks/useSession";

/** A link this person may give out, or null where the server cannot show it (a board made before it kept them). */
export interface ShareLinks {
  /** The owner's only. */
  edit: string | null;
  view: string | null;
}

export type ReplaceableLink = "edit" | "view" | "owner";

export type ShareLinksState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; links: ShareLinks };

/**
 * The links this person's role may give out (owner: edit and view; editor and viewer: view),
 * asked of the server (GET /api/boards/{id}/tokens) each time they are shown, since the owner may
 * have replaced one meanwhile; and, for the owner, replacing one (POST …/tokens).
 */
export function useShareLinks() {
  const { boardId, token, role } = useSession();
  const call = useMemo(() => boardApi(boardId, token), [boardId, token]);
  const [state, setState] = useState<ShareLinksState>({ status: "loading" });
  const link = useCallback((t: string | null) => (t ? boardLink(window.location.origin, boardId, t) : null), [boardId]);

  const load = useCallback(async () => {
    try {
      const shareable = await call<ShareableTokens>("/tokens");
      // A link the server cannot show has not been replaced since the board was made, so the
      // links this browser kept when it made the board are still the board's.
      const kept = readBoardLinks(boardId);
      const edit = shareable.role === "owner" ? (link(shareable.editToken) ?? kept?.edit ?? null) : null;
      const view = link(shareable.viewToken) ?? (role === "owner" ? (kept?.view ?? null) : null);
      setState({ status: "ready", links: { edit, view } });
    } catch (err) {
      setState({ status: "error", message: (err as Error).message });
    }
  }, [call, boardId, link, role]);

  /**
   * Replaces one link for everyone: sessions opened with the old one are disconnected. Returns how
   * many. A new owner link is this page's own: the page reopens with it (its old connection is
   * among those closed), and this browser remembers it in place of the old one.
   */
  const replace = useCallback(
    async (which: ReplaceableLink): Promise<number> => {
      const body: RotateTokensRequest = { roles: [which === "edit" ? "editor" : which === "view" ? "viewer" : "owner"] };
      const res = await call<RotatedTokens>("/tokens", { method: "POST", body });
      if (which === "owner") {
        if (!res.ownerToken) throw new Error("The server did not return the new owner link.");
        const owner = link(res.ownerToken)!;
        writePageAccess(boardId, { token: res.ownerToken, role: "owner" });
        const kept = readBoardLinks(boardId);
        if (kept) saveBoardLinks(boardId, { ...kept, owner });
        replaceRecentLink(boardId, owner);
        window.location.reload();
        return res.closedConnections;
      }
      const fresh = link((which === "edit" ? res.editToken : res.viewToken) ?? null);
      setState((current) => (current.status === "ready" ? { status: "ready", links: { ...current.links, [which]: fresh } } : current));
      // The home page lists the links this browser kept for the board: keep them current.
      const kept = readBoardLinks(boardId);
      if (kept && fresh) saveBoardLinks(boardId, { ...kept, [which]: fresh });
      return res.closedConnections;
    },
    [call, boardId, link],
  );

  return { state, load, replace };
}
