import { useEffect, useState } from "react";
import { readPeers } from "@/lib/collab/presence";
import type { KeptEntity } from "@/lib/collab/undo";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import type { Board } from "@/lib/valuechain/model";
import { useSession } from "./hooks/useSession";

const SHOWN_MS = 6000;

/** "Kept “Dealer”: Bob has worked on it since." Names come from the board and from presence. */
function describe(kept: readonly KeptEntity[], board: Board, names: ReadonlyMap<number, string>): string {
  const what = kept.map((k) => {
    if (k.kind === "player") {
      const p = board.players.find((x) => x.id === k.id);
      return p ? `“${p.name.trim() || KIND_LABELS[p.kind]}”` : "a player";
    }
    return "a channel";
  });
  const who = [...new Set(kept.flatMap((k) => k.by.map((id) => names.get(id))))].filter((n): n is string => !!n);
  const by = who.length ? who.join(" and ") : "Someone else";
  return `Kept ${what.join(", ")}: ${by} worked on ${kept.length > 1 ? "them" : "it"} after you added ${kept.length > 1 ? "them" : "it"}, so undo did not delete ${kept.length > 1 ? "them" : "it"}.`;
}

/**
 * Says briefly why an undo left a player or channel in place (lib/collab/undo.ts): it was
 * created by this person but someone else has since worked on it.
 */
export function UndoKeptNotice({ board }: { board: Board }) {
  const { session } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const latestBoard = useLatest(board);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = session.undo.onKept((kept) => {
      const names = new Map(readPeers(session.provider.awareness.getStates()).map((p) => [p.clientId, p.user.name]));
      setMessage(describe(kept, latestBoard.current, names));
      clearTimeout(timer);
      timer = setTimeout(() => setMessage(null), SHOWN_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [session, latestBoard]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-20 z-50 flex justify-center px-4">
      {message && (
        <p data-testid="undo-kept" className="pointer-events-auto max-w-md rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
          {message}
        </p>
      )}
    </div>
  );
}

function useLatest<T>(value: T) {
  const [ref] = useState(() => ({ current: value }));
  ref.current = value;
  return ref;
}
