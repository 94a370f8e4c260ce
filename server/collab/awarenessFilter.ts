/**
 * Rule R-AWARENESS-OWN: a connection may only set awareness for client ids it owns.
 *
 * Stock y-websocket clients echo every awareness change they see, including other people's
 * states, so a foreign id is not proof of an attack: foreign entries are dropped, never
 * applied or relayed, and the connection stays open. An id becomes a connection's own the
 * first time it sets a non-null state for an id no live connection owns.
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

/** At most this many awareness ids per connection: one tab has one. */
export const MAX_IDS_PER_CONNECTION = 4;

export class AwarenessOwnership {
  private owner = new Map<number, object>();

  /** Keeps the entries `conn` may set, claiming unowned ids on a non-null state. */
  filter(conn: object, owned: Set<number>, entries: AwarenessEntry[]): AwarenessEntry[] {
    return entries.filter((entry) => {
      const current = this.owner.get(entry.clientId);
      if (current === conn) return true;
      if (current !== undefined) return false;
      if (entry.state === "null" || owned.size >= MAX_IDS_PER_CONNECTION) return false;
      this.owner.set(entry.clientId, conn);
      owned.add(entry.clientId);
      return true;
    });
  }

  release(conn: object, owned: Set<number>): void {
    for (const id of owned) if (this.owner.get(id) === conn) this.owner.delete(id);
  }
}
