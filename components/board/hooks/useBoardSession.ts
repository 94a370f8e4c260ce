import { useEffect, useState } from "react";
import { collabUrl, openBoardSession, type BoardSession } from "@/lib/collab/session";

/** IndexedDB can be unavailable (private windows): never wait longer than this for it. */
const LOCAL_COPY_TIMEOUT_MS = 1500;

/**
 * Opens the board's live session once per board and token, and closes it on unmount. The
 * session is handed out once this device's copy is loaded, so the board never flashes empty
 * before showing what was already here.
 */
export function useBoardSession(boardId: string, token: string, canEdit: boolean): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    let opened: BoardSession | null = null;
    let closed = false;
    // Opening on the next task means a mount that is undone at once (React's development
    // double mount) never opens a websocket only to close it before it connects.
    const start = setTimeout(() => {
      const live = openBoardSession({ boardId, token, serverUrl: collabUrl(window.location), canEdit });
      opened = live;
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, LOCAL_COPY_TIMEOUT_MS));
      void Promise.race([live.whenLocalLoaded, timeout]).then(() => {
        if (!closed) setSession(live);
      });
    });
    return () => {
      closed = true;
      clearTimeout(start);
      opened?.destroy();
      setSession(null);
    };
  }, [boardId, token, canEdit]);
  return session;
}
