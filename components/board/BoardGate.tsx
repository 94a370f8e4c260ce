"use client";
import { useEffect, useState } from "react";
import { AccessProblem, type AccessProblemKind } from "@/components/AccessProblem";
import type { Role as BoardRole } from "@/lib/contracts/roles";
import { BoardLoader } from "./BoardLoader";
import { OpeningBoard } from "./OpeningBoard";
import { forgetPageAccess, readPageAccess, takeToken, writePageAccess } from "./pageToken";

type GateState = { kind: "resolving" } | { kind: "open"; token: string; role: BoardRole } | { kind: "problem"; problem: AccessProblemKind };

/** Moves a token the address carries into this tab's memory and out of the address bar. */
function moveTokenOutOfAddress(boardId: string): string | null {
  const { token, clean } = takeToken(window.location.href);
  if (clean !== window.location.href) window.history.replaceState(window.history.state, "", clean);
  // Stored before the server is asked, so a second run of this effect (React's development
  // double run, a quick reload) still finds it.
  if (token) {
    const known = readPageAccess(boardId);
    writePageAccess(boardId, { token, role: known?.token === token ? known.role : null });
  }
  return token;
}

/**
 * The board page's door. The server renders the page without seeing the token (it travels in
 * the fragment); here the page takes it, asks the server what it grants, and opens the board.
 * A wrong link and a board that does not exist look the same (both 401). With the server away,
 * a token this tab opened before opens its offline copy with the role it had.
 */
export function BoardGate({ boardId }: { boardId: string }) {
  const [state, setState] = useState<GateState>({ kind: "resolving" });

  useEffect(() => {
    const controller = new AbortController();
    const fromAddress = moveTokenOutOfAddress(boardId);
    const remembered = readPageAccess(boardId);
    const token = fromAddress ?? remembered?.token ?? null;
    if (!token) {
      setState({ kind: "problem", problem: "missing-token" });
      return;
    }
    void (async () => {
      let status = 0;
      let role: BoardRole | null = null;
      try {
        const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, { headers: { authorization: `Bearer ${token}` }, cache: "no-store", signal: controller.signal });
        status = res.status;
        if (res.ok) role = ((await res.json()) as { role: BoardRole }).role;
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      if (role) {
        writePageAccess(boardId, { token, role });
        return setState({ kind: "open", token, role });
      }
      if (status === 401 || status === 404) {
        forgetPageAccess(boardId);
        return setState({ kind: "problem", problem: "bad-token" });
      }
      if (status === 429) return setState({ kind: "problem", problem: "too-many-attempts" });
      // No answer, or not a verdict on the link (503 while the server is full): the role this tab
      // last had with this very token opens the board (offline, it syncs when the server is back).
      if (remembered?.token === token && remembered.role) return setState({ kind: "open", token, role: remembered.role });
      setState({ kind: "problem", problem: "unreachable" });
    })();
    return () => controller.abort();
  }, [boardId]);

  // Pasting another link of this board into the address bar changes only the fragment, which
  // does not load the page again: open the board afresh with that link.
  useEffect(() => {
    const onHashChange = () => {
      if (moveTokenOutOfAddress(boardId)) window.location.reload();
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [boardId]);

  if (state.kind === "resolving") return <OpeningBoard />;
  if (state.kind === "problem") return <AccessProblem kind={state.problem} />;
  return <BoardLoader boardId={boardId} token={state.token} role={state.role} />;
}
