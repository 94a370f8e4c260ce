/**
 * A loaded board as bytes: the last snapshot (base) plus every update applied after it (tail),
 * in the order the room applied them. Most of the tail is in the database; the updates at its
 * end may still be on their way there (R-COMMIT: relayed at once, committed right after).
 *
 * Sync answers are built from these bytes rather than by encoding the live Y.Doc, because:
 * - a joining client gets everything the others were relayed, with no wait (R-COMMIT);
 * - content Yjs keeps pending (its dependency is missing) is never served (R-PENDING);
 * - nothing is encoded on the event loop: a large board is answered with the tail's messages
 *   and the stored base, which are the same buffers for every client (one copy in memory
 *   however many clients ask), so 40 bytes of sync requests cannot buy seconds of CPU.
 * Small boards get an exact diff against the client's state vector, as stock servers send.
 */
import * as Y from "yjs";
import { syncStep2Frame, updateFrame } from "../../lib/collab/protocol";

/** Below this many bytes a sync answer is an exact diff; above, the stored bytes as they are. */
export const EXACT_DIFF_BYTES = 256 * 1024;

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** The relay message of an update. */
export const updateMessage = updateFrame;

interface TailEntry {
  update: Uint8Array;
  /** The relay message of this update (shared with the relay to live connections). */
  message: Uint8Array | null;
  /** Applied by this process and not committed yet: a compaction must not fold it. */
  uncommitted: boolean;
  /** Database rows this entry accounts for, once known (a grouped commit lists them on its last entry). */
  rowIds: number[];
}

export interface CompactionJob {
  /** The base and the tail entries to merge, oldest first. */
  updates: Uint8Array[];
  /** The rows the merged state replaces. */
  rowIds: number[];
  /** How many tail entries the job covers (the tail's committed prefix). */
  count: number;
}

export class BoardLog {
  private base: Uint8Array;
  private baseMessage: Uint8Array | null = null;
  private tail: TailEntry[] = [];
  private tailBytes = 0;
  /** Uncommitted entries, oldest first: commits complete in this order. */
  private waiting: TailEntry[] = [];
  private waitingBytes = 0;

  constructor(snapshot: Uint8Array | null) {
    this.base = snapshot ?? EMPTY_UPDATE;
  }

  /** Bytes of the base and the whole tail. */
  get bytes(): number {
    return this.base.length + this.tailBytes;
  }

  get baseBytes(): number {
    return this.base.length;
  }

  /** Bytes applied here and not committed yet. */
  get uncommittedBytes(): number {
    return this.waitingBytes;
  }

  get tailLength(): number {
    return this.tail.length;
  }

  /** An update stored already (loaded rows), or held by another process that commits it. */
  appendStored(update: Uint8Array, message: Uint8Array | null, rowIds: number[] = []): void {
    this.tail.push({ update, message, uncommitted: false, rowIds });
    this.tailBytes += update.length;
  }

  /** An update this process applied and will commit. */
  appendUncommitted(update: Uint8Array, message: Uint8Array | null): void {
    const entry: TailEntry = { update, message, uncommitted: true, rowIds: [] };
    this.tail.push(entry);
    this.waiting.push(entry);
    this.tailBytes += update.length;
    this.waitingBytes += update.length;
  }

  /** The oldest `count` uncommitted entries are now stored in `rowIds`. */
  committed(count: number, rowIds: number[]): void {
    const done = this.waiting.splice(0, count);
    for (const entry of done) {
      entry.uncommitted = false;
      this.waitingBytes -= entry.update.length;
    }
    if (done.length) done[done.length - 1].rowIds = rowIds;
  }

  all(): Uint8Array[] {
    return [this.base, ...this.tail.map((t) => t.update)];
  }

  /** What a compaction merges now: the base and the tail up to its first uncommitted entry. */
  toCompact(): CompactionJob | null {
    const first = this.waiting.length ? this.tail.indexOf(this.waiting[0]) : this.tail.length;
    if (first <= 0) return null;
    const entries = this.tail.slice(0, first);
    return { updates: [this.base, ...entries.map((t) => t.update)], rowIds: entries.flatMap((t) => t.rowIds), count: first };
  }

  /** The compaction of the first `count` tail entries is stored: it becomes the base. */
  compacted(state: Uint8Array, count: number): void {
    const merged = this.tail.splice(0, count);
    for (const t of merged) this.tailBytes -= t.update.length;
    this.base = state;
    this.baseMessage = null;
  }

  /** Replaces the stored part (a repaired load): the base is the whole state. */
  reset(state: Uint8Array): void {
    this.base = state;
    this.baseMessage = null;
    this.tail = [];
    this.tailBytes = 0;
    this.waiting = [];
    this.waitingBytes = 0;
  }

  /** The messages that bring a client with `stateVector` up to everything applied. */
  answer(stateVector: Uint8Array): Uint8Array[] {
    if (this.bytes <= EXACT_DIFF_BYTES) {
      const all = this.tail.length ? Y.mergeUpdates(this.all()) : this.base;
      return [syncStep2Frame(Y.diffUpdate(all, stateVector))];
    }
    // The tail goes first and the base last, as sync step 2: a client waits with the tail's
    // updates (they depend on the base) and integrates everything when step 2 arrives, so
    // that "synced" still means it holds the whole board.
    this.baseMessage ??= syncStep2Frame(this.base);
    return [...this.tail.map((t) => (t.message ??= updateMessage(t.update))), this.baseMessage];
  }
}
