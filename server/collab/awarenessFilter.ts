/**
 * Rule R-AWARENESS-OWN: a connection may only set awareness for client ids it owns.
 *
 * Stock y-websocket clients echo every awareness change they see, including other people's
 * states, so a foreign id is not proof of an attack: foreign entries are dropped, never
 * applied or relayed, and the connection stays open. An id becomes a connection's own the
 * first time it sets a new non-null state for an id nobody holds. When the connection closes,
 * the ids it still shows stay reserved for its claim key (its browser) for PRESENCE_RESERVE_MS,
 * so that a view link cannot take a dropped user's id, under which the others would then see
 * its state (spotlight and follow use these ids).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  // Each entry needs at least 3 bytes; a larger count is a forged length.
  if (count > update.length) throw new RangeError("awareness entry count exceeds message size");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = { clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), state: decoding.readVarString(d) };
    if (nestingDepth(entry.state) > MAX_STATE_DEPTH) throw new RangeError("awareness state is nested too deeply");
    // Checked here, not only when applied: a malformed message is refused the same way whether
    // or not its entry would be applied (an id past a connection's limit is dropped unread).
    JSON.parse(entry.state);
    entries.push(entry);
  }
  return entries;
}

/** Presence is a name, a colour, a cursor and a selection: a few levels deep at most. */
export const MAX_STATE_DEPTH = 32;

/**
 * How deeply a JSON text nests arrays and objects, without parsing it: relaying a state
 * thousands of levels deep would overflow the stack in JSON.stringify, outside any handler.
 */
export function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123 /* [ { */) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125 /* ] } */) depth--;
  }
  return max;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

/** At most this many awareness ids per connection: one tab has one, plus a little slack. */
export const MAX_IDS_PER_CONNECTION = 2;

/** A connection as ownership sees it. */
export interface AwarenessClaimant {
  /** Ids this connection owns. */
  readonly awarenessIds: Set<number>;
  /** Digest identifying its browser (presenceClaimKey): who may re-claim its ids after it closes. */
  readonly claimKey: string;
}

/**
 * What ownership asks of the ids reserved for closed connections (PresenceReservations in
 * presence.ts, which imports this module: declared here so the two do not import each other).
 */
export interface ReservedIds {
  holder(boardId: string, id: number): string | undefined;
  end(boardId: string, id: number): void;
  count(boardId: string): number;
  reserve(boardId: string, id: number, claimKey: string): void;
}

export class AwarenessOwnership {
  private owner = new Map<number, AwarenessClaimant>();

  constructor(
    private readonly boardId: string,
    private readonly reservations: ReservedIds,
    private readonly maxIdsPerBoard: number,
  ) {}

  /**
   * Keeps the entries `conn` may set, claiming ids on a new non-null state. `clockOf` gives the
   * clock the room holds for an id: an entry that is not newer is an echo, and claims nothing.
   */
  filter(conn: AwarenessClaimant, entries: AwarenessEntry[], clockOf: (id: number) => number): AwarenessEntry[] {
    return entries.filter((entry) => {
      const id = entry.clientId;
      const current = this.owner.get(id);
      if (current === conn) return true;
      if (current !== undefined) return false;
      if (entry.state === "null" || entry.clock <= clockOf(id) || conn.awarenessIds.size >= MAX_IDS_PER_CONNECTION) return false;
      const holder = this.reservations.holder(this.boardId, id);
      if (holder !== undefined && holder !== conn.claimKey) return false;
      if (holder === undefined && this.owner.size + this.reservations.count(this.boardId) >= this.maxIdsPerBoard) return false;
      this.reservations.end(this.boardId, id);
      this.owner.set(id, conn);
      conn.awarenessIds.add(id);
      return true;
    });
  }

  /**
   * `conn` closed. The ids it still shows a state for are reserved for its claim key; those it
   * cleared itself (a page that closes says so) are free at once.
   */
  release(conn: AwarenessClaimant, shown: Iterable<number>): void {
    const keep = new Set(shown);
    for (const id of conn.awarenessIds) {
      if (this.owner.get(id) !== conn) continue;
      this.owner.delete(id);
      if (keep.has(id)) this.reservations.reserve(this.boardId, id, conn.claimKey);
    }
  }
}
