/**
 * One loaded board: its Y.Doc, awareness, connections and the durable commit pipeline.
 *
 * R-LOAD:    a room is created only from a completed load; nothing is served before.
 * R-COMMIT:  an update is relayed to other connections only after its database commit.
 *            Updates that arrive during a commit are grouped into the next one.
 * R-SAVED:   SAVED(id) is sent once every update the connection sent before SAVE_REQUEST(id)
 *            is committed.
 * R-FAIL:    a failed commit closes every connection (4500) and drops the room; the clients
 *            keep their edits and resend them on reconnect. Nothing stored is overwritten.
 */
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import type { Logger } from "pino";
import type { DocStore } from "./docStore";
import { AwarenessOwnership, decodeAwarenessUpdate, encodeAwarenessEntries } from "./awarenessFilter";
import { CloseCode, MessageType, encodeSaved } from "../../lib/collab/protocol";

export type Role = "owner" | "editor" | "viewer";

export interface RoomConnection {
  readonly role: Role;
  /** Awareness client ids this connection owns (R-AWARENESS-OWN). */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  maxDocBytes: number;
  compactAfterUpdates: number;
}

interface PendingUpdate {
  update: Uint8Array;
  origin: RoomConnection | null;
}

export class DocumentTooLargeError extends Error {
  readonly reason = "document_too_large";
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<RoomConnection>();
  private readonly ownership = new AwarenessOwnership();
  private pending: PendingUpdate[] = [];
  private appliedSeq = 0;
  private committedSeq = 0;
  private saveWaiters: { conn: RoomConnection; id: number; seq: number }[] = [];
  private idleWaiters: (() => void)[] = [];
  private flushScheduled = false;
  private flushing = false;
  private lastUpdateId: number;
  private updatesSinceSnapshot: number;
  private approxBytes: number;
  broken = false;
  /** Called once when the room can no longer be trusted (storage failure). */
  onBroken: (err: unknown) => void = () => {};

  private constructor(
    readonly boardId: string,
    private readonly store: DocStore,
    private readonly opts: RoomOptions,
    private readonly log: Logger,
    loaded: { lastUpdateId: number; updateCount: number; bytes: number },
  ) {
    this.lastUpdateId = loaded.lastUpdateId;
    this.updatesSinceSnapshot = loaded.updateCount;
    this.approxBytes = loaded.bytes;
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.relayAwareness);
  }

  static async load(boardId: string, store: DocStore, opts: RoomOptions, log: Logger): Promise<Room> {
    const stored = await store.load(boardId);
    const bytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
    const room = new Room(boardId, store, opts, log, {
      lastUpdateId: stored.lastUpdateId,
      updateCount: stored.updates.length,
      bytes,
    });
    // Loading replays what is already durable, so the store listener is attached only after.
    Y.transact(room.doc, () => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(room.doc, u);
    });
    room.doc.on("update", room.enqueueListener);
    return room;
  }

  private readonly enqueueListener = (update: Uint8Array, origin: unknown) => this.enqueue(update, origin);

  // --- connections -------------------------------------------------------------------------

  add(conn: RoomConnection): void {
    this.conns.add(conn);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    conn.send(encoding.toUint8Array(e));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) conn.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  remove(conn: RoomConnection): void {
    if (!this.conns.delete(conn)) return;
    this.saveWaiters = this.saveWaiters.filter((w) => w.conn !== conn);
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    this.ownership.release(conn, conn.awarenessIds);
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  // --- incoming messages ---------------------------------------------------------------------

  /** Applies a client's document update (sync step 2 or update). Viewers never get here. */
  applyClientUpdate(conn: RoomConnection, update: Uint8Array): void {
    if (this.approxBytes + update.length > this.opts.maxDocBytes) {
      throw new DocumentTooLargeError(`update of ${update.length} bytes would exceed MAX_DOC_BYTES`);
    }
    Y.applyUpdate(this.doc, update, conn);
  }

  /** Answers a client's sync step 1 with everything it lacks. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, this.doc, stateVector);
    return encoding.toUint8Array(e);
  }

  applyAwareness(conn: RoomConnection, update: Uint8Array): void {
    const entries = this.ownership.filter(conn, conn.awarenessIds, decodeAwarenessUpdate(update));
    if (entries.length) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn);
  }

  requestSaved(conn: RoomConnection, id: number): void {
    if (this.committedSeq >= this.appliedSeq) conn.send(encodeSaved(id));
    else this.saveWaiters.push({ conn, id, seq: this.appliedSeq });
  }

  // --- durable pipeline ------------------------------------------------------------------------

  private enqueue(update: Uint8Array, origin: unknown): void {
    if (this.broken) return;
    this.pending.push({ update, origin: this.conns.has(origin as RoomConnection) ? (origin as RoomConnection) : null });
    this.appliedSeq++;
    this.approxBytes += update.length;
    if (!this.flushScheduled && !this.flushing) {
      this.flushScheduled = true;
      // Group commit: every update that arrives in this event-loop turn shares one transaction.
      setImmediate(() => void this.flush());
    }
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    this.flushing = true;
    try {
      while (this.pending.length && !this.broken) {
        const batch = this.pending;
        this.pending = [];
        this.lastUpdateId = await this.store.append(this.boardId, batch.map((p) => p.update));
        this.committedSeq += batch.length;
        this.updatesSinceSnapshot += batch.length;
        this.relay(batch);
        this.answerSaveWaiters();
        if (this.updatesSinceSnapshot >= this.opts.compactAfterUpdates) await this.compact();
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.flushing = false;
    }
    if (!this.pending.length || this.broken) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /**
   * The snapshot is the whole in-memory doc, which may already hold updates still waiting for
   * their commit. That is safe: they are appended later with higher ids and re-applying them
   * on load is idempotent.
   */
  private async compact(): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.boardId, state, this.lastUpdateId);
    this.updatesSinceSnapshot = 0;
    this.approxBytes = state.length;
    this.log.debug({ boardId: this.boardId, bytes: state.length }, "compacted board");
  }

  private relay(batch: PendingUpdate[]): void {
    for (const { update, origin } of batch) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.sync);
      syncProtocol.writeUpdate(e, update);
      const message = encoding.toUint8Array(e);
      for (const conn of this.conns) if (conn !== origin) conn.send(message);
    }
  }

  private answerSaveWaiters(): void {
    const still: typeof this.saveWaiters = [];
    for (const w of this.saveWaiters) {
      if (w.seq <= this.committedSeq) w.conn.send(encodeSaved(w.id));
      else still.push(w);
    }
    this.saveWaiters = still;
  }

  private fail(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.log.error({ err, boardId: this.boardId }, "storing board failed; closing its connections");
    for (const conn of this.conns) conn.close(CloseCode.storageFailed, "storage failed");
    this.onBroken(err);
  }

  /** Resolves once every update applied so far is committed (or the room broke). */
  whenIdle(): Promise<void> {
    if ((!this.pending.length && !this.flushing && !this.flushScheduled) || this.broken) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // --- awareness relay ---------------------------------------------------------------------

  private relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.conns) conn.send(message);
  };

  destroy(): void {
    this.awareness.off("update", this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}
