import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { channelsOf, playersOf } from "@/lib/collab/boardDoc";
import { noteChanges, type ChangeNote } from "@/lib/collab/changeSummary";
import { readPeers } from "@/lib/collab/presence";
import { blindName } from "@/lib/valuechain/blind";
import { useHiddenAnswers } from "./workshop/BlindContext";
import { useSession } from "./hooks/useSession";

/** Changes arriving within this time are told in one sentence. */
const GATHER_MS = 1500;
const MOST_TOLD = 3;

function sentence(notes: readonly ChangeNote[], names: ReadonlyMap<number, string>): string {
  const who = (n: ChangeNote) => (n.by !== null ? names.get(n.by) : undefined) ?? "Someone";
  const told = notes.slice(0, MOST_TOLD).map((n) => `${who(n)} ${n.text}`);
  const more = notes.length - told.length;
  return `${told.join(". ")}${more > 0 ? `, and ${more} more change${more === 1 ? "" : "s"}` : ""}.`;
}

/**
 * Tells screen readers, politely, what other people change on the board: players and channels
 * added or removed, and the fields the answers depend on. A visually hidden live region. During
 * a blind workshop round its names say no more than the cards do, and what it said before the
 * round is cleared.
 */
export function RemoteChangeAnnouncer() {
  const { session } = useSession();
  const [message, setMessage] = useState("");
  const hidden = useHiddenAnswers();
  const hiddenNow = useRef(hidden);
  useEffect(() => {
    hiddenNow.current = hidden;
    setMessage("");
  }, [hidden]);

  useEffect(() => {
    const { doc, provider } = session;
    let gathered: ChangeNote[] = [];
    // The blind state the gathered notes were worded under. Notes gathered before a round began
    // (or was revealed) are dropped like what was said before it: told after it, their names
    // could still say who is us.
    let gatheredUnder = hiddenNow.current;
    const dropIfStale = () => {
      if (gatheredUnder !== hiddenNow.current) gathered = [];
      gatheredUnder = hiddenNow.current;
    };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      dropIfStale();
      if (!gathered.length) return;
      const names = new Map(readPeers(provider.awareness.getStates()).map((p) => [p.clientId, p.user.name]));
      setMessage(sentence(gathered, names));
      gathered = [];
    };
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.origin !== provider) return;
      dropIfStale();
      gathered.push(...noteChanges(doc, events, session.board.get().board, (name) => blindName(name, hiddenNow.current)));
      if (gathered.length && !timer) timer = setTimeout(flush, GATHER_MS);
    };
    const types = [playersOf(doc), channelsOf(doc)] as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>[];
    for (const t of types) t.observeDeep(onChange);
    return () => {
      for (const t of types) t.unobserveDeep(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [session]);

  return (
    <div role="status" aria-live="polite" data-testid="remote-changes" className="sr-only">
      {message}
    </div>
  );
}
