/**
 * One loaded board: its Y.Doc, awareness and connections. The jobs around it live beside it:
 * update validation (clientUpdate.ts), SAVED bookkeeping (acknowledgements.ts), the grouped
 * commit (commitPipeline.ts), the board's bytes for sync answers and compaction (boardLog.ts),
 * presence (presence.ts, awarenessFilter.ts) and extension hooks (hooks.ts).
 *
 * R-LOAD:    a room is created only from a completed load; nothing is served before. A stored
 *            state holding content Yjs cannot integrate is repaired on load (R-PENDING).
 * R-COMMIT:  an update the room accepts is relayed to the other connections at once and handed
 *            to the process's commit pipeline, which commits every board's waiting updates in
 *            one transaction. A sync answer holds everything applied, committed or not, so a
 *            client joining between relay and commit misses nothing.
 * R-PENDING: an update Yjs cannot integrate yet (its dependency is missing) counts against the
 *            size limit, is never relayed, served or snapshotted, and is dropped past
 *            MAX_PENDING_BYTES or MAX_PENDING_MS; its senders are closed with 4409 and resend
 *            it with what it depends on after their resync.
 * R-WORKSHOP: the `workshop` map is the server's (workshopGuard.ts); while a round pauses
 *            editing, the updates of connections other than the owner's are held in order,
 *            unapplied and unrelayed, and applied when the pause ends (R-SAVED waits for them).
 * R-BUDGET:  an update that adds content is refused (4413) when the board would pass
 *            MAX_DOC_BYTES or MAX_DOC_MEMORY_BYTES (memory.ts), and (1013) when the process is
 *            past its heap budget. Deletions are always accepted, so a full board stays editable.
 * R-SAVED:   SAVED(id) is sent once every update the connection sent before SAVE_REQUEST(id)
 *            is committed (acknowledgements.ts). An update relayed and not yet committed when the
 *            process dies survives in every client that received it: each resends what the
 *            server lacks in its sync step 2 when it reconnects.
 * R-COMPACT: the board's committed bytes are merged into a snapshot in a worker thread and
 *            written with a compare-and-set on the snapshot's version: with several processes
 *            on one board only one compaction of a version is written, and it deletes only the
 *            rows it merged (docStore.ts).
 * R-FAIL:    a failed commit closes every connection (4500) and drops the room; the clients
 *            keep their edits and resend them on reconnect. Nothing stored is overwritten.
 */
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { Logger } from "pino";
import type { DocStore } from "./docStore";
import { AwarenessOwnership, decodeAwarenessUpdate, encodeAwarenessEntries } from "./awarenessFilter";
import { BoardLog, updateMessage } from "./boardLog";
import { Acknowledgements } from "./acknowledgements";
import { decodeClientUpdate, DocumentTooLargeError, ServerMemoryFullError, type DecodedUpdate } from "./clientUpdate";
import type { CommitPipeline, CommitSource } from "./commitPipeline";
import { captureWorkshop, restoreWorkshop, touchesWorkshop } from "./workshopGuard";
import { editingLocked } from "../../lib/collab/boardDoc";
import { compactUpdates } from "./compaction";
import { estimateMemory, heapUsed, structCount, type HeapBudget } from "./memory";
import { DEFAULT_PRESENCE_LIMITS, PresenceRelay, PresenceReservations, awarenessMessages, type PresenceLimits } from "./presence";
import { CloseCode, syncStep1Frame } from "../../lib/collab/protocol";
import type { Role } from "../../lib/contracts/roles";

export interface RoomConnection {
  readonly role: Role;
  /** Awareness client ids this connection owns (R-AWARENESS-OWN). */
  readonly awarenessIds: Set<number>;
  /** Who may re-claim those ids once it closes: a digest of its browser's key (presence.ts). */
  readonly claimKey: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions extends Partial<PresenceLimits> {
  maxDocBytes: number;
  maxDocMemoryBytes: number;
  maxPendingBytes: number;
  maxPendingMs: number;
  compactAfterUpdates: number;
  /** Heap in use past which new boards, then growing updates, are refused (memory.ts). */
  heapBudget: HeapBudget;
  /** Shared by the rooms of a process, so that reservations outlive an unloaded room. */
  presenceReservations?: PresenceReservations;
}

/** Where an update applied to a room came from. */
export type UpdateOrigin = "client" | "server" | "remote";

/** What a room tells the hooks plugged into it (hooks.ts). */
export interface RoomEvents {
  /** An update was applied (and relayed to this process's connections). */
  changed?(room: Room, update: Uint8Array, origin: UpdateOrigin): void;
  /** The oldest `count` updates this room applied for commit (origin client or server) are committed. */
  committed?(room: Room, count: number): void;
  /** Presence changed by this process's connections (an awareness update of the changed ids). */
  presence?(room: Room, update: Uint8Array): void;
}

/** What a room shares with the other rooms of its process. */
export interface RoomContext {
  store: DocStore;
  pipeline: CommitPipeline;
  hooks: RoomEvents;
  log: Logger;
}

/** How long a departed presence id's clock is kept (see Room.sweepPresence). */
export const PRESENCE_FORGET_MS = 60_000;
/** Departed presence ids whose clock a room keeps at most, however fast people come and go. */
export const MAX_DEPARTED_PRESENCE = 1000;

export { DocumentTooLargeError, MalformedUpdateError, ServerMemoryFullError } from "./clientUpdate";

/** The origin of updates and presence that another process applied first (hooks.ts). */
export const REMOTE = Symbol("remote");

export class Room implements CommitSource {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<RoomConnection>();
  private readonly ownership: AwarenessOwnership;
  private readonly presence: PresenceRelay;
  private readonly maxAwarenessBytes: number;
  private readonly acks: Acknowledgements<RoomConnection>;
  /** Applied and relayed, not yet handed to the commit pipeline. */
  private uncommitted: Uint8Array[] = [];
  /** Handed to the pipeline, not yet committed. */
  private inFlight = 0;
  private pendingTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private compacting = false;
  private compaction: Promise<void> | null = null;
  /** What the server last wrote into the workshop map (R-WORKSHOP). */
  private workshopWritten: ReturnType<typeof captureWorkshop> = new Map();
  private paused = false;
  private relayToSender = false;
  /** Updates of non-owner connections that arrived during a pause, in arrival order. */
  private held: { conn: RoomConnection; update: Uint8Array }[] = [];
  private heldBytes = 0;
  /** When a connection last sent an edit or presence (eviction picks the stalest room). */
  lastActivity = Date.now();
  broken = false;
  /** Called once when the room can no longer be trusted (storage failure). */
  onBroken: (err: unknown) => void = () => {};

  private constructor(
    readonly boardId: string,
    private readonly opts: RoomOptions,
    private readonly ctx: RoomContext,
    private readonly log: BoardLog,
    /** The snapshot version this room's base was read or written at (R-COMPACT). */
    private snapshotVersion: number | null,
  ) {
    const limits = DEFAULT_PRESENCE_LIMITS;
    this.maxAwarenessBytes = opts.maxAwarenessBytes ?? limits.maxAwarenessBytes;
    const reservations = opts.presenceReservations ?? new PresenceReservations(opts.presenceReserveMs ?? limits.presenceReserveMs);
    this.ownership = new AwarenessOwnership(boardId, reservations, opts.maxPresencePerBoard ?? limits.maxPresencePerBoard);
    this.presence = new PresenceRelay(
      this.awareness,
      opts.maxPresenceBytesPerSecond ?? limits.maxPresenceBytesPerSecond,
      this.maxAwarenessBytes,
      (message) => {
        for (const conn of this.conns) conn.send(message);
      },
      (err) => this.ctx.log.warn({ err, boardId }, "awareness relay failed"),
    );
    this.acks = new Acknowledgements(this.doc, (conn) => this.held.some((h) => h.conn === conn));
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onAwareness);
  }

  static async load(boardId: string, opts: RoomOptions, ctx: RoomContext): Promise<Room> {
    const stored = await ctx.store.load(boardId);
    const log = new BoardLog(stored.snapshot);
    for (const u of stored.updates) log.appendStored(u.data, null, [u.id]);
    const room = new Room(boardId, opts, ctx, log, stored.version);
    try {
      // Loading replays what is already durable, so the store listener is attached only after.
      Y.transact(room.doc, () => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(room.doc, u.data);
      });
      if (room.pendingBytes() > 0) await room.repair(stored.updates.map((u) => u.id));
    } catch (err) {
      // Its timers would otherwise keep a room nobody can reach alive.
      room.destroy();
      throw err;
    }
    room.workshopWritten = captureWorkshop(room.doc);
    room.paused = editingLocked(room.doc);
    room.doc.on("update", room.onUpdate);
    room.doc.on("afterTransaction", room.afterTransaction);
    return room;
  }

  /**
   * The stored state holds content Yjs cannot integrate (written before R-PENDING existed):
   * drop it, keep everything that was integrated, and store the clean state as the snapshot
   * so that the board is served, counted and edited from what it really holds.
   */
  private async repair(rowIds: number[]): Promise<void> {
    const { state, dropped } = await compactUpdates(this.log.all());
    this.dropPendingStructs();
    const version = await this.ctx.store.compact(this.boardId, state, this.snapshotVersion, rowIds);
    // Another process repaired or compacted it a moment ago: load again from what it wrote.
    if (version === null) throw new Error("the board was compacted by another process while it was repaired; retry");
    this.snapshotVersion = version;
    this.log.reset(state);
    this.ctx.log.warn({ boardId: this.boardId, droppedBytes: dropped, bytes: state.length }, "repaired board: dropped content that could not be integrated");
  }

  /**
   * The document's state for a version: everything applied, without what Yjs keeps pending
   * (R-PENDING: it is not part of the board and must not reach any snapshot).
   */
  encodeState(): Uint8Array {
    const store = this.doc.store;
    const { pendingStructs, pendingDs } = store;
    store.pendingStructs = null;
    store.pendingDs = null;
    try {
      return Y.encodeStateAsUpdate(this.doc);
    } finally {
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
    }
  }

  /** Bytes of updates Yjs holds back because something they depend on is missing. */
  pendingBytes(): number {
    const store = this.doc.store;
    return (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
  }

  private dropPendingStructs(): void {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
  }

  /** Bytes of the board as held: the snapshot and every update applied after it. */
  get docBytes(): number {
    return this.log.bytes;
  }

  // --- connections -------------------------------------------------------------------------

  add(conn: RoomConnection): void {
    this.conns.add(conn);
    this.lastActivity = Date.now();
    conn.send(syncStep1Frame(Y.encodeStateVector(this.doc)));
    for (const m of awarenessMessages(this.awareness, this.awareness.getStates().keys(), this.maxAwarenessBytes)) conn.send(m);
  }

  remove(conn: RoomConnection): void {
    if (!this.conns.delete(conn)) return;
    // Its held updates stay: they are edits it made, applied when the pause ends.
    this.acks.forget(conn);
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    this.ownership.release(conn, ids);
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    // Checked here too, not only by the timer: a join storm departs thousands of ids a minute.
    if (this.awareness.meta.size > this.awareness.states.size + 2 * MAX_DEPARTED_PRESENCE) this.sweepPresence();
  }

  /**
   * y-protocols keeps a clock for every presence id it ever saw, also after the id left; on a
   * board that stays loaded through a long workshop day those would pile up. The clock only
   * serves to tell a stock client's late echo of a departed state from a new claim, and echoes
   * follow a departure closely: ids without a state for PRESENCE_FORGET_MS are forgotten, and
   * beyond MAX_DEPARTED_PRESENCE departed ids the longest gone are forgotten first.
   */
  sweepPresence(now = Date.now()): number {
    const departed = [...this.awareness.meta].filter(([id]) => id !== this.awareness.clientID && !this.awareness.states.has(id));
    departed.sort((a, b) => b[1].lastUpdated - a[1].lastUpdated);
    let forgotten = 0;
    departed.forEach(([id, meta], i) => {
      if (i < MAX_DEPARTED_PRESENCE && now - meta.lastUpdated < PRESENCE_FORGET_MS) return;
      this.awareness.meta.delete(id);
      forgotten++;
    });
    return forgotten;
  }

  private readonly presenceSweep = (() => {
    const timer = setInterval(() => this.sweepPresence(), PRESENCE_FORGET_MS);
    timer.unref();
    return timer;
  })();

  // --- incoming messages ---------------------------------------------------------------------

  /** Applies a client's document update (sync step 2 or update). Viewers never get here. */
  applyClientUpdate(conn: RoomConnection, update: Uint8Array): void {
    const decoded = decodeClientUpdate(update);
    this.lastActivity = Date.now();
    // R-BUDGET: deletions only ever shrink a board, so they pass even when it is full.
    if (decoded.structs.length) this.checkBudget(update.length, decoded.structs.length);
    if (this.paused && conn.role !== "owner") return this.hold(conn, update);
    this.integrate(conn, update, decoded);
  }

  /**
   * An update another process applied first (hooks.ts): relayed here, committed by its process
   * (or here, when that process dies first: redisFanout.ts). Returns its number for remoteSettled. Not checked against this room's budget: the other process did, and
   * refusing it here would split the board in two.
   */
  applyRemoteUpdate(update: Uint8Array): number {
    if (this.broken) return 0;
    Y.applyUpdate(this.doc, update, REMOTE);
    this.boundPending();
    return this.acks.remoteApplied();
  }

  /**
   * The remote update numbered `seq` by applyRemoteUpdate is committed, by its process or by this
   * one: SAVED no longer waits for it.
   */
  remoteSettled(seq: number): void {
    this.acks.settled(seq);
  }

  /** Presence another process's connections changed. */
  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  private integrate(conn: RoomConnection | null, update: Uint8Array, decoded: DecodedUpdate): void {
    Y.transact(
      this.doc,
      (tr) => {
        Y.applyUpdate(this.doc, update, conn);
        // R-WORKSHOP: undone inside the same transaction, so nobody ever receives the forged
        // write; the sender gets the result too, which puts its own copy back.
        if (touchesWorkshop(tr, this.doc)) {
          restoreWorkshop(this.doc, this.workshopWritten);
          this.relayToSender = true;
        }
      },
      conn,
    );
    this.relayToSender = false;
    if (conn) this.acks.track(conn, decoded);
    this.boundPending();
  }

  /**
   * R-WORKSHOP: during a pause a connection's updates wait here in order, so that its later
   * updates (which depend on them) can wait too and the document never has a gap. Past
   * MAX_PENDING_BYTES the connection is closed with 1013 instead: it keeps its edits and
   * resends them once it reconnects.
   */
  private hold(conn: RoomConnection, update: Uint8Array): void {
    if (this.heldBytes + update.length > this.opts.maxPendingBytes) {
      conn.close(CloseCode.rateLimited, "editing is paused; retry later");
      return;
    }
    this.held.push({ conn, update });
    this.heldBytes += update.length;
  }

  private releaseHeld(): void {
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const { conn, update } of held) {
      const origin = this.conns.has(conn) ? conn : null;
      try {
        this.integrate(origin, update, Y.decodeUpdate(update));
      } catch (err) {
        this.ctx.log.warn({ err, boardId: this.boardId }, "a held update could not be applied");
      }
    }
    this.acks.answer();
  }

  /** The server's own writes (rounds, spotlight, pause) are what the guard restores to. */
  private readonly afterTransaction = (tr: Y.Transaction): void => {
    if (this.conns.has(tr.origin as RoomConnection) || !touchesWorkshop(tr, this.doc)) return;
    this.workshopWritten = captureWorkshop(this.doc);
    const paused = editingLocked(this.doc);
    if (paused === this.paused) return;
    this.paused = paused;
    // After this transaction's own events, not inside them.
    if (!paused) queueMicrotask(() => this.releaseHeld());
  };

  /**
   * R-BUDGET. The size that counts is the board since its last snapshot: the snapshot, what is
   * waiting for commit or integration, and this update. The committed tail behind the snapshot is
   * history (a note rewritten ten times is ten copies there, one in the board) that the next
   * compaction folds away, so it is bounded separately, at twice the limit, while a compaction
   * catches up. Counting it against the limit refused a 5 MB board whose edits outran a
   * compaction on a busy machine.
   */
  private checkBudget(bytes: number, structs: number): void {
    const pending = this.pendingBytes();
    const size = this.log.baseBytes + this.log.uncommittedBytes + pending + bytes;
    const history = this.docBytes + pending + bytes;
    if (size > this.opts.maxDocBytes || history > 2 * this.opts.maxDocBytes) {
      throw new DocumentTooLargeError(`update of ${bytes} bytes would exceed MAX_DOC_BYTES`);
    }
    if (estimateMemory(structCount(this.doc) + structs, history) > this.opts.maxDocMemoryBytes) {
      throw new DocumentTooLargeError(`update of ${structs} structs would exceed MAX_DOC_MEMORY_BYTES`);
    }
    if (heapUsed() > this.opts.heapBudget.updates) throw new ServerMemoryFullError("the server is past its heap budget");
  }

  /** R-PENDING: what cannot be integrated is held only so long, and only so much of it. */
  private boundPending(): void {
    const bytes = this.pendingBytes();
    if (!bytes) {
      if (this.pendingTimer) clearTimeout(this.pendingTimer);
      this.pendingTimer = null;
      return;
    }
    if (bytes > this.opts.maxPendingBytes) return this.dropPending("too large");
    this.pendingTimer ??= setTimeout(() => {
      this.pendingTimer = null;
      if (this.pendingBytes()) this.dropPending("dependency never arrived");
    }, this.opts.maxPendingMs);
    this.pendingTimer.unref();
  }

  private dropPending(why: string): void {
    this.ctx.log.warn({ boardId: this.boardId, bytes: this.pendingBytes(), why }, "dropped updates that could not be integrated");
    this.dropPendingStructs();
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    for (const conn of this.acks.dropUnintegrated()) conn.close(CloseCode.resyncNeeded, "resync: updates could not be integrated");
  }

  /** Answers a client's sync step 1 with everything applied that it lacks (R-COMMIT, R-PENDING). */
  syncAnswer(stateVector: Uint8Array): Uint8Array[] {
    return this.log.answer(stateVector);
  }

  applyAwareness(conn: RoomConnection, update: Uint8Array): void {
    const clockOf = (id: number) => this.awareness.meta.get(id)?.clock ?? 0;
    const entries = this.ownership.filter(conn, decodeAwarenessUpdate(update), clockOf);
    if (!entries.length) return;
    this.lastActivity = Date.now();
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn);
  }

  requestSaved(conn: RoomConnection, id: number): void {
    this.acks.request(conn, id);
  }

  // --- relay at once, commit right after (R-COMMIT) -------------------------------------------

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.broken) return;
    const kind: UpdateOrigin = origin === REMOTE ? "remote" : this.conns.has(origin as RoomConnection) ? "client" : "server";
    const sender = kind === "client" && !this.relayToSender ? (origin as RoomConnection) : null;
    const message = updateMessage(update);
    for (const conn of this.conns) if (conn !== sender) conn.send(message);
    if (kind === "remote") {
      this.log.appendStored(update, message);
    } else {
      this.log.appendUncommitted(update, message);
      this.uncommitted.push(update);
      this.acks.applied();
      this.ctx.pipeline.schedule(this);
    }
    this.ctx.hooks.changed?.(this, update, kind);
  };

  takeUncommitted(): Uint8Array[] {
    const taken = this.uncommitted;
    this.uncommitted = [];
    this.inFlight += taken.length;
    return taken;
  }

  committed(count: number, rowIds: number[]): void {
    this.inFlight -= count;
    if (this.broken) return;
    this.log.committed(count, rowIds);
    this.acks.committed(count);
    this.ctx.hooks.committed?.(this, count);
    if (this.shouldCompact()) void this.compact();
    this.notifyIdle();
  }

  commitFailed(err: unknown): void {
    this.inFlight = 0;
    this.fail(err);
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private idle(): boolean {
    return this.broken || (!this.uncommitted.length && !this.inFlight);
  }

  /** Every COMPACT_AFTER_UPDATES updates, or once the tail outweighs the snapshot (and 1 MiB). */
  private shouldCompact(): boolean {
    if (this.compacting || this.broken) return false;
    const tail = this.log.bytes - this.log.baseBytes;
    return this.log.tailLength >= this.opts.compactAfterUpdates || tail > Math.max(1024 * 1024, this.log.baseBytes);
  }

  /**
   * R-COMPACT. Merges the stored bytes (never the live doc, which may hold uncommitted or pending
   * content) into a new snapshot in the worker thread, while edits keep being committed. When
   * another process compacted since this room last read the snapshot, its snapshot is merged in
   * too, so the new one holds everything the rows it replaces held.
   */
  private async compact(): Promise<void> {
    const job = this.log.toCompact();
    if (!job) return;
    this.compacting = true;
    let done = () => {};
    this.compaction = new Promise((resolve) => (done = resolve));
    try {
      const newer = await this.ctx.store.snapshotIfChanged(this.boardId, this.snapshotVersion);
      const { state, dropped } = await compactUpdates(newer ? [newer.state, ...job.updates] : job.updates);
      if (this.broken) return;
      const expected = newer ? newer.version : this.snapshotVersion;
      const version = await this.ctx.store.compact(this.boardId, state, expected, job.rowIds);
      if (version === null) {
        // Another process wrote a compaction a moment ago; the next one here merges it in.
        this.ctx.log.debug({ boardId: this.boardId }, "another process compacted this board first");
        return;
      }
      this.snapshotVersion = version;
      this.log.compacted(state, job.count);
      this.ctx.log.debug({ boardId: this.boardId, bytes: state.length, dropped }, "compacted board");
    } catch (err) {
      this.fail(err);
    } finally {
      this.compacting = false;
      this.compaction = null;
      done();
    }
  }

  private fail(err: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.ctx.log.error({ err, boardId: this.boardId }, "storing board failed; closing its connections");
    for (const conn of this.conns) conn.close(CloseCode.storageFailed, "storage failed");
    this.onBroken(err);
  }

  /** Resolves once every update applied so far is committed (or the room broke). */
  whenIdle(): Promise<void> {
    // A compaction in flight is waited for too: unloading or shutting down mid-way would
    // leave its write to a closed database.
    const compaction = this.compaction ?? Promise.resolve();
    if (this.idle()) return compaction;
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve)).then(() => this.compaction ?? compaction);
  }

  // --- presence (batched and byte-bounded: presence.ts) ---------------------------------------

  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = added.concat(updated, removed);
    this.presence.add(changed);
    if (origin !== REMOTE && changed.length && this.ctx.hooks.presence) {
      this.ctx.hooks.presence(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  destroy(): void {
    clearInterval(this.presenceSweep);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.presence.destroy();
    this.awareness.off("update", this.onAwareness);
    this.awareness.destroy();
    this.doc.off("update", this.onUpdate);
    this.doc.off("afterTransaction", this.afterTransaction);
    this.doc.destroy();
  }
}
