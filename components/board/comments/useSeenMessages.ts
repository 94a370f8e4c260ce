import { useCallback, useEffect, useMemo, useState } from "react";
import type { CommentThread } from "@/lib/valuechain/model";
import { loadSeen, saveSeen } from "./seenStore";

/**
 * Messages seen in this browser, and the unread ones among `threads`: written by someone else
 * and not yet shown in the open Comments panel. What this person writes is seen by definition.
 */
export function useSeenMessages(boardId: string, threads: readonly CommentThread[], me: string | null) {
  const [seen, setSeen] = useState<Set<string> | null>(null);

  // The first time this browser opens the board, what is there already counts as seen.
  useEffect(() => {
    const stored = loadSeen(boardId);
    if (stored) setSeen(stored);
    else {
      const all = new Set(threads.flatMap((t) => t.messages.map((m) => m.id)));
      saveSeen(boardId, all);
      setSeen(all);
    }
    // Only on opening the board: later threads are what may be unread.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId]);

  const unread = useMemo(() => {
    const ids = new Set<string>();
    if (!seen) return ids;
    for (const t of threads) for (const m of t.messages) if (!seen.has(m.id) && m.author.name !== me) ids.add(m.id);
    return ids;
  }, [threads, seen, me]);

  const markSeen = useCallback(
    (ids: readonly string[]) => {
      setSeen((prev) => {
        if (!prev || ids.every((id) => prev.has(id))) return prev;
        const next = new Set(prev);
        for (const id of ids) next.add(id);
        saveSeen(boardId, next);
        return next;
      });
    },
    [boardId],
  );
  return { unread, markSeen };
}
