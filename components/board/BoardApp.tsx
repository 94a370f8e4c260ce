import { useEffect, useMemo } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import type { Role } from "@/lib/contracts/roles";
import { BoardWorkspace } from "./BoardWorkspace";
import { useBoardSession } from "./hooks/useBoardSession";
import { useOfflineShell } from "./hooks/useOfflineShell";
import { OpeningBoard } from "./OpeningBoard";
import { SessionContext } from "./SessionContext";

declare global {
  interface Window {
    /**
     * Test hook: end-to-end tests read and write the live document and the provider of the
     * open board through `window.__chainboard` (set while a board is open, removed after).
     */
    __chainboard?: { doc: Y.Doc; provider: WebsocketProvider };
  }
}

export function BoardApp({ boardId, token, role }: { boardId: string; token: string; role: Role }) {
  const canEdit = role !== "viewer";
  const session = useBoardSession(boardId, token, canEdit);
  useOfflineShell();

  useEffect(() => {
    if (!session) return;
    window.__chainboard = { doc: session.doc, provider: session.provider };
    return () => {
      delete window.__chainboard;
    };
  }, [session]);

  const context = useMemo(() => session && { session, boardId, token, role, canEdit }, [session, boardId, token, role, canEdit]);
  if (!context) return <OpeningBoard />;
  return (
    <SessionContext value={context}>
      <ReactFlowProvider>
        <BoardWorkspace />
      </ReactFlowProvider>
    </SessionContext>
  );
}
