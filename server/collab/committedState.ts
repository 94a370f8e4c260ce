/**
 * A board's committed state as the bytes that are in the database: the last snapshot (base)
 * plus every update committed after it (tail), in commit order.
 *
 * Sync answers are built from these bytes rather than by encoding the live Y.Doc, because:
 * - only committed content can reach a joining client (R-COMMIT), with no wait;
 * - content Yjs keeps pending (its dependency is missing) is never served (R-PENDING);
 * - nothing is encoded on the event loop: a large board is answered with the tail's messages
 *   and the stored base, which are the same buffers for every client (one copy in memory
 *   however many clients ask), so 40 bytes of sync requests cannot buy seconds of CPU.
 * Small boards get an exact diff against the client's state vector, as stock servers send.
 */
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { MessageType } from "../../lib/collab/protocol";

/** Below this many bytes a sync answer is an exact diff; above, the stored bytes as they are. */
export const EXACT_DIFF_BYTES = 256 * 1024;

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

function step2Message(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

interface TailEntry {
  /** The relay message of this update (shared with the relay to live connections). */
  message: Uint8Array | null;
  update: Uint8Array;
  /** Database id of the row that holds it. */
  rowId: number;
}

export class CommittedState {
  private base: Uint8Array;
  private baseMessage: Uint8Array | null = null;
  private tail: TailEntry[] = [];
  private tailBytes = 0;

  constructor(snapshot: Uint8Array | null) {
    this.base = snapshot ?? EMPTY_UPDATE;
  }

  get bytes(): number {
    return this.base.length + this.tailBytes;
  }

  get baseBytes(): number {
    return this.base.length;
  }

  get tailLength(): number {
    return this.tail.length;
  }

  /** `message` is the update's relay message when one was built already. */
  append(update: Uint8Array, message: Uint8Array | null, rowId: number): void {
    this.tail.push({ update, message, rowId });
    this.tailBytes += update.length;
  }

  all(): Uint8Array[] {
    return [this.base, ...this.tail.map((t) => t.update)];
  }

  /** What a compaction merges now: the base and the whole tail, up to the returned row id. */
  toCompact(): { updates: Uint8Array[]; uptoRowId: number; count: number } | null {
    if (!this.tail.length) return null;
    return { updates: this.all(), uptoRowId: this.tail[this.tail.length - 1].rowId, count: this.tail.length };
  }

  /** The compaction of the first `count` tail entries is stored: it becomes the base. */
  compacted(state: Uint8Array, count: number): void {
    const merged = this.tail.splice(0, count);
    for (const t of merged) this.tailBytes -= t.update.length;
    this.base = state;
    this.baseMessage = null;
  }

  /** Replaces everything (a repaired load): the base is the whole committed state. */
  reset(state: Uint8Array): void {
    this.base = state;
    this.baseMessage = null;
    this.tail = [];
    this.tailBytes = 0;
  }

  /** The messages that bring a client with `stateVector` up to the committed state. */
  answer(stateVector: Uint8Array): Uint8Array[] {
    if (this.bytes <= EXACT_DIFF_BYTES) {
      const all = this.tail.length ? Y.mergeUpdates(this.all()) : this.base;
      return [step2Message(Y.diffUpdate(all, stateVector))];
    }
    // The tail goes first and the base last, as sync step 2: a client waits with the tail's
    // updates (they depend on the base) and integrates everything when step 2 arrives, so
    // that "synced" still means it holds the whole board.
    this.baseMessage ??= step2Message(this.base);
    return [...this.tail.map((t) => (t.message ??= updateMessage(t.update))), this.baseMessage];
  }
}
