/**
 * What other people just did to the board, in words, for the page's polite live region
 * (screen readers hear "Bob added Distributor 3" without looking). Reads Yjs events of a
 * remote transaction: which players and channels came, went, or changed a field the answers
 * depend on, and whose client wrote it.
 */
import * as Y from "yjs";
import { KIND_LABELS } from "../valuechain/labels";
import type { Board } from "../valuechain/model";
import { channelsOf, playersOf, readChannel, readPlayer } from "./boardDoc";

export interface ChangeNote {
  /** Yjs client id of the writer (the awareness id of a y-websocket client). */
  by: number | null;
  text: string;
}

const FIELD_WORDS: Record<string, string> = {
  kind: "kind",
  isUs: "whether it is us",
  consumer: "whether it consumes",
  customer: "whether it is a customer",
  strategy: "sales strategy",
  transaction: "how we transact",
  flow: "flow",
  share: "share",
};

/**
 * Notes for one remote transaction's events. `before` is the board as it was (for the names of
 * what was removed); `shown` turns a player's name into the one this page shows (a blind
 * workshop round drops "(us)").
 */
export function noteChanges(doc: Y.Doc, events: readonly Y.YEvent<Y.AbstractType<unknown>>[], before: Board, shown: (name: string) => string = (n) => n): ChangeNote[] {
  const players = playersOf(doc) as unknown as Y.AbstractType<unknown>;
  const channels = channelsOf(doc) as unknown as Y.AbstractType<unknown>;
  const notes: ChangeNote[] = [];
  const name = (id: string) => {
    const m = playersOf(doc).get(id);
    const p = m instanceof Y.Map ? readPlayer(id, m) : before.players.find((x) => x.id === id);
    return p ? shown(p.name).trim() || KIND_LABELS[p.kind] : "a player";
  };
  for (const event of events) {
    const target = event.target as Y.AbstractType<unknown>;
    if (target === players || target === channels) {
      event.changes.keys.forEach((change, id) => {
        const item = target._map.get(id);
        const by = item && !item.deleted ? item.id.client : null;
        if (target === players) {
          if (change.action === "add") notes.push({ by, text: `added ${name(id)}` });
          else if (change.action === "delete") notes.push({ by: null, text: `removed ${name(id)}` });
        } else {
          const m = channelsOf(doc).get(id);
          const c = m instanceof Y.Map ? readChannel(id, m) : before.channels.find((x) => x.id === id);
          const what = c ? `a channel from ${name(c.from)} to ${name(c.to)}` : "a channel";
          if (change.action === "add") notes.push({ by, text: `drew ${what}` });
          else if (change.action === "delete") notes.push({ by: null, text: `removed ${what}` });
        }
      });
    } else if (event.path.length === 1 && event instanceof Y.YMapEvent && typeof event.path[0] === "string") {
      const id = event.path[0];
      const isPlayer = target._item?.parent === players;
      for (const key of event.keysChanged) {
        const words = FIELD_WORDS[key];
        if (!words) continue;
        const item = target._map.get(key);
        const owner = isPlayer ? name(id) : "a channel";
        notes.push({ by: item ? item.id.client : null, text: `changed ${words} of ${owner}` });
      }
    }
  }
  return notes;
}
