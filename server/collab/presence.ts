/**
 * Bounds on a board's presence (y-protocols awareness), R-AWARENESS-OWN and R-AWARENESS-BATCH:
 * who may re-claim a dropped connection's presence id, how long it is kept for them, and how
 * many bytes of presence the batched relay sends per second.
 */
import { createHash } from "node:crypto";
import type { Awareness } from "y-protocols/awareness";
import { awarenessFrame } from "../../lib/collab/protocol";
import { MAX_IDS_PER_CONNECTION, encodeAwarenessEntries, type AwarenessEntry } from "./awarenessFilter";

export interface PresenceLimits {
  /** Presence ids one board holds at most, live or reserved (MAX_PRESENCE_PER_BOARD). */
  maxPresencePerBoard: number;
  /** Presence bytes relayed per board per second, as each participant receives them. */
  maxPresenceBytesPerSecond: number;
  /** How long a closed connection's ids stay reserved for its browser (PRESENCE_RESERVE_MS). */
  presenceReserveMs: number;
  /** Largest awareness update a client may send (MAX_AWARENESS_BYTES); see awarenessMessages. */
  maxAwarenessBytes: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxPresencePerBoard: 100,
  maxPresenceBytesPerSecond: 64 * 1024,
  presenceReserveMs: 10 * 60_000,
  maxAwarenessBytes: 16 * 1024,
};

/** The page's per-browser key (`k`): 128 random bits are 22 base64url characters. */
const BROWSER_KEY = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Who may re-claim a closed connection's presence ids: the same browser, known by the random
 * key its page sends as `k`. A stock client sends none and falls back to its link and address.
 * Only a digest is kept, so the key itself is never stored or logged.
 */
export function presenceClaimKey(browserKey: string | null, tokenHash: string, remoteAddress: string | undefined): string {
  const source = browserKey && BROWSER_KEY.test(browserKey) ? `k ${browserKey}` : `t ${tokenHash} ${remoteAddress ?? ""}`;
  return createHash("sha256").update(source).digest("base64url");
}

interface Reservation {
  boardId: string;
  id: number;
  claimKey: string;
  until: number;
}

/**
 * Presence ids of closed connections, kept for their claim key for PRESENCE_RESERVE_MS. Held by
 * the RoomManager rather than the room: a board unloaded while its users are away must not hand
 * their ids to whoever opens it next. Reserved ids count towards MAX_PRESENCE_PER_BOARD, so that
 * no reservation ever has to be given up to make room; one claim key keeps at most
 * MAX_IDS_PER_CONNECTION of them, so a burst of connections from one browser (or one stock
 * client's link and address) cannot fill a board.
 */
export class PresenceReservations {
  /** `${boardId} ${id}` → reservation. One duration for all, so insertion order is expiry order. */
  private readonly entries = new Map<string, Reservation>();
  private readonly perBoard = new Map<string, number>();
  /** `${boardId} ${claimKey}` → its reserved ids, oldest first. */
  private readonly perKey = new Map<string, number[]>();

  constructor(
    private readonly reserveMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  reserve(boardId: string, id: number, claimKey: string): void {
    if (this.reserveMs <= 0) return;
    // Expired reservations are otherwise only forgotten when someone claims an id: on a server
    // where people only come and go, they would pile up across every board they left.
    this.expire();
    this.end(boardId, id);
    const key = `${boardId} ${claimKey}`;
    while ((this.perKey.get(key)?.length ?? 0) >= MAX_IDS_PER_CONNECTION) this.end(boardId, this.perKey.get(key)![0]);
    this.entries.set(`${boardId} ${id}`, { boardId, id, claimKey, until: this.now() + this.reserveMs });
    this.perBoard.set(boardId, (this.perBoard.get(boardId) ?? 0) + 1);
    this.perKey.set(key, [...(this.perKey.get(key) ?? []), id]);
  }

  /** The claim key `id` is reserved for, if it is. */
  holder(boardId: string, id: number): string | undefined {
    this.expire();
    return this.entries.get(`${boardId} ${id}`)?.claimKey;
  }

  /** Ends a reservation (its browser claimed the id again). */
  end(boardId: string, id: number): void {
    const r = this.entries.get(`${boardId} ${id}`);
    if (r) this.remove(r);
  }

  count(boardId: string): number {
    this.expire();
    return this.perBoard.get(boardId) ?? 0;
  }

  /** Reservations held, across all boards, expired ones included until the next call here. */
  get size(): number {
    return this.entries.size;
  }

  private expire(): void {
    const now = this.now();
    for (const r of this.entries.values()) {
      if (r.until > now) break;
      this.remove(r);
    }
  }

  private remove(r: Reservation): void {
    this.entries.delete(`${r.boardId} ${r.id}`);
    const n = (this.perBoard.get(r.boardId) ?? 1) - 1;
    if (n > 0) this.perBoard.set(r.boardId, n);
    else this.perBoard.delete(r.boardId);
    const key = `${r.boardId} ${r.claimKey}`;
    const held = (this.perKey.get(key) ?? []).filter((id) => id !== r.id);
    if (held.length) this.perKey.set(key, held);
    else this.perKey.delete(key);
  }
}

/** How long awareness changes (cursors, selections) are gathered before one relay. */
export const AWARENESS_BATCH_MS = 40;

/**
 * A room's awareness relay (R-AWARENESS-BATCH). Changes are relayed in batches, one message per
 * AWARENESS_BATCH_MS. Stock clients echo every awareness change they receive, so relaying each
 * change on its own makes a join storm quadratic: 500 clients reconnecting at once would each
 * receive, and echo back, 500 messages within a second.
 *
 * The bytes are bounded by a token bucket of MAX_PRESENCE_BYTES_PER_SECOND (one second of
 * burst). Over budget nothing is dropped, which would leave people seeing stale cursors: the ids
 * wait in the batch and keep coalescing, so each goes out later with only its newest state. Ids
 * leave the batch in the order they changed and rejoin at the back, so ids that change all the
 * time cannot starve the others. A message holds at most MAX_AWARENESS_BYTES (awarenessMessages).
 */
export class PresenceRelay {
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private tokens: number;
  private refilled: number;

  constructor(
    private readonly awareness: Awareness,
    private readonly bytesPerSecond: number,
    private readonly maxMessageBytes: number,
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = bytesPerSecond;
    this.refilled = now();
  }

  add(ids: Iterable<number>): void {
    for (const id of ids) this.changed.add(id);
    this.schedule(AWARENESS_BATCH_MS);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(this.flush, ms);
  }

  private readonly flush = (): void => {
    this.timer = null;
    try {
      this.send();
    } catch (err) {
      // Runs on a timer, outside any connection's error handling: never let it throw, and drop
      // the batch rather than retry what failed every 40 ms.
      this.onError(err);
      this.changed.clear();
    }
    if (this.changed.size) this.schedule(Math.max(AWARENESS_BATCH_MS, Math.ceil((-this.tokens / this.bytesPerSecond) * 1000)));
  };

  private send(): void {
    const now = this.now();
    this.tokens = Math.min(this.bytesPerSecond, this.tokens + ((now - this.refilled) / 1000) * this.bytesPerSecond);
    this.refilled = now;
    const entries: AwarenessEntry[] = [];
    let bytes = UPDATE_OVERHEAD;
    // The last entry may overshoot the budget (by at most one state); the debt delays the next flush.
    for (const id of this.changed) {
      if (bytes >= this.tokens) break;
      const entry = entryOf(this.awareness, id);
      if (entry && entries.length && bytes + entrySize(entry) > this.maxMessageBytes) break;
      this.changed.delete(id);
      if (!entry) continue;
      entries.push(entry);
      bytes += entrySize(entry);
    }
    if (!entries.length) return;
    const message = awarenessMessage(encodeAwarenessEntries(entries));
    this.tokens -= message.length;
    this.broadcast(message);
  }
}

/** The entry count's varint. */
const UPDATE_OVERHEAD = 4;

function entryOf(awareness: Awareness, id: number): AwarenessEntry | null {
  const clock = awareness.meta.get(id)?.clock;
  return clock === undefined ? null : { clientId: id, clock, state: JSON.stringify(awareness.getStates().get(id) ?? null) };
}

/** Encoded size of an entry, at most: the state plus varints for id, clock and length. */
function entrySize(entry: AwarenessEntry): number {
  return Buffer.byteLength(entry.state) + 16;
}

/**
 * The states of `ids` as awareness messages of at most `maxBytes` each (MAX_AWARENESS_BYTES).
 * Stock y-websocket clients echo every awareness message they receive back whole, and the
 * server closes a client that sends more than MAX_AWARENESS_BYTES (4403, which the page takes
 * as final): one large message of many people's states would disconnect everyone who got it.
 */
export function awarenessMessages(awareness: Awareness, ids: Iterable<number>, maxBytes: number): Uint8Array[] {
  const messages: Uint8Array[] = [];
  let entries: AwarenessEntry[] = [];
  let bytes = UPDATE_OVERHEAD;
  for (const id of ids) {
    const entry = entryOf(awareness, id);
    if (!entry) continue;
    if (entries.length && bytes + entrySize(entry) > maxBytes) {
      messages.push(awarenessMessage(encodeAwarenessEntries(entries)));
      entries = [];
      bytes = UPDATE_OVERHEAD;
    }
    entries.push(entry);
    bytes += entrySize(entry);
  }
  if (entries.length) messages.push(awarenessMessage(encodeAwarenessEntries(entries)));
  return messages;
}

/** The frame of an awareness update. */
export const awarenessMessage = awarenessFrame;
