/**
 * One loaded board: its Y.Doc, awareness, connections and the durable commit pipeline.
 *
 * R-LOAD:    a room is created only from a completed load; nothing is served before. A stored
 *            state holding content Yjs cannot integrate is repaired on load (R-PENDING).
 * R-COMMIT:  an update is relayed to other connections only after its database commit, and a
 *            sync answer holds committed content only (CommittedState). Updates that arrive
 *            during a commit are grouped into the next one.
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
 *            is committed. An update Yjs keeps pending (it depends on a struct the room has not
 *            seen yet) is not committed: SAVED waits until it is integrated and committed.
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
import { CommittedState, updateMessage } from "./committedState";
import { captureWorkshop, restoreWorkshop, touchesWorkshop } from "./workshopGuard";
import { editingLocked } from "../../lib/collab/boardDoc";
import { compactUpdates } from "./compaction";
import { estimateMemory, heapUsed, structCount, type HeapBudget } from "./memory";
import { DEFAULT_PRESENCE_LIMITS, PresenceRelay, PresenceReservations, awarenessMessages, type PresenceLimits } from "./presence";
import { CloseCode, MessageType, encodeSaved } from "../../lib/collab/protocol";
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

interface PendingUpdate {
  update: Uint8Array;
  origin: RoomConnection | null;
}

/** How long a departed presence id's clock is kept (see Room.sweepPresence). */
export const PRESENCE_FORGET_MS = 60_000;
/** Departed presence ids whose clock a room keeps at most, however fast people come and go. */
export const MAX_DEPARTED_PRESENCE = 1000;

export class DocumentTooLargeError extends Error {
  readonly reason = "document_too_large";
}

/** The process is past its heap budget: a growing update waits until memory is freed. */
export class ServerMemoryFullError extends Error {
  readonly reason = "server_memory_full";
}

/** A client's update that Yjs cannot decode; nothing of it was applied. */
export class MalformedUpdateError extends Error {
  readonly reason = "malformed_update";
}

/**
 * Decodes an update (v1) without applying it. Y.applyUpdate pre-allocates an array as long as
 * the struct count an update announces, so 7 bytes announcing 33 million structs cost ~160 ms
 * and ~260 MB before failing; Y.decodeUpdate reads lazily and fails at the end of the bytes.
 * Decoding first also means a malformed update is refused whole, never half applied.
 *
 * Then the ids are checked, which Yjs does not do: lib0 reads varints up to 2^56, but Yjs
 * adds clocks and lengths in floating point, so a struct ending past 2^53 (or a client id
 * past it) is integrated at the wrong place, the transaction throws half way ("Unexpected
 * case") and the room's document can no longer be encoded for a joining client. An item
 * whose origin or parent is itself or a later struct of its own client cannot exist either.
 */
function decodeClientUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedUpdateError(err instanceof Error ? err.message : String(err));
  }
  const safe = Number.isSafeInteger;
  for (const s of decoded.structs) {
    if (!safe(s.id.client) || !safe(s.id.clock + s.length)) throw new MalformedUpdateError("struct id beyond 2^53");
    if (!(s instanceof Y.Item)) continue;
    const parentId = s.parent instanceof Y.ID ? s.parent : null;
    for (const ref of [s.origin, s.rightOrigin, parentId]) {
      if (!ref) continue;
      if (!safe(ref.client) || !safe(ref.clock)) throw new MalformedUpdateError("reference beyond 2^53");
      if (ref.client === s.id.client && ref.clock >= s.id.clock) throw new MalformedUpdateError("item refers to itself or a later struct");
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    if (!safe(client) || ranges.some((r) => !safe(r.clock + r.len))) throw new MalformedUpdateError("deletion beyond 2^53");
  }
  return decoded;
}

/** Client → the clock its structs or deletions must reach before they are integrated. */
type Needs = Map<number, number>;

function addNeed(needs: Needs, client: number, end: number): void {
  if ((needs.get(client) ?? 0) < end) needs.set(client, end);
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<RoomConnection>();
  private readonly ownership: AwarenessOwnership;
  private readonly presence: PresenceRelay;
  private readonly maxAwarenessBytes: number;
  private pending: PendingUpdate[] = [];
  private appliedSeq = 0;
  private committedSeq = 0;
  private saveWaiters: { conn: RoomConnection; id: number; seq: number; pending: boolean }[] = [];
  /** What each connection sent that Yjs keeps pending on a missing dependency (R-SAVED). */
  private readonly unintegrated = new Map<RoomConnection, Needs>();
  private pendingTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private flushScheduled = false;
  private flushing = false;
  private compacting = false;
  private compaction: Promise<void> | null = null;
  private queuedBytes = 0;
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
    private readonly store: DocStore,
    private readonly opts: RoomOptions,
    private readonly log: Logger,
    private readonly committed: CommittedState,
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
      (err) => this.log.warn({ err, boardId }, "awareness relay failed"),
    );
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.relayAwareness);
  }

  static async load(boardId: string, store: DocStore, opts: RoomOptions, log: Logger): Promise<Room> {
    const stored = await store.load(boardId);
    const committed = new CommittedState(stored.snapshot);
    for (const u of stored.updates) committed.append(u, null, stored.lastUpdateId);
    const room = new Room(boardId, store, opts, log, committed);
    try {
      // Loading replays what is already durable, so the store listener is attached only after.
      Y.transact(room.doc, () => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(room.doc, u);
      });
      if (room.pendingBytes() > 0) await room.repair(stored.lastUpdateId);
    } catch (err) {
      // Its timers would otherwise keep a room nobody can reach alive.
      room.destroy();
      throw err;
    }
    room.workshopWritten = captureWorkshop(room.doc);
    room.paused = editingLocked(room.doc);
    room.doc.on("update", room.enqueueListener);
    room.doc.on("afterTransaction", room.afterTransaction);
    return room;
  }

  /**
   * The stored state holds content Yjs cannot integrate (written before R-PENDING existed):
   * drop it, keep everything that was integrated, and store the clean state as the snapshot
   * so that the board is served, counted and edited from what it really holds.
   */
  private async repair(lastUpdateId: number): Promise<void> {
    const { state, dropped } = await compactUpdates(this.committed.all());
    this.dropPendingStructs();
    await this.store.compact(this.boardId, state, lastUpdateId);
    this.committed.reset(state);
    this.log.warn({ boardId: this.boardId, droppedBytes: dropped, bytes: state.length }, "repaired board: dropped content that could not be integrated");
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

  /** Bytes of the board: committed, plus applied and waiting for their commit. */
  get docBytes(): number {
    return this.committed.bytes + this.queuedBytes;
  }

  private readonly enqueueListener = (update: Uint8Array, origin: unknown) => this.enqueue(update, origin);

  // --- connections -------------------------------------------------------------------------

  add(conn: RoomConnection): void {
    this.conns.add(conn);
    this.lastActivity = Date.now();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    conn.send(encoding.toUint8Array(e));
    for (const m of awarenessMessages(this.awareness, this.awareness.getStates().keys(), this.maxAwarenessBytes)) conn.send(m);
  }

  remove(conn: RoomConnection): void {
    if (!this.conns.delete(conn)) return;
    // Its held updates stay: they are edits it made, applied when the pause ends.
    this.saveWaiters = this.saveWaiters.filter((w) => w.conn !== conn);
    this.unintegrated.delete(conn);
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

  private integrate(conn: RoomConnection | null, update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>): void {
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
    if (conn) this.trackPending(conn, decoded);
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
        this.log.warn({ err, boardId: this.boardId }, "a held update could not be applied");
      }
    }
    this.answerSaveWaiters();
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
    const size = this.committed.baseBytes + this.queuedBytes + pending + bytes;
    const history = this.docBytes + pending + bytes;
    if (size > this.opts.maxDocBytes || history > 2 * this.opts.maxDocBytes) {
      throw new DocumentTooLargeError(`update of ${bytes} bytes would exceed MAX_DOC_BYTES`);
    }
    const total = history;
    if (estimateMemory(structCount(this.doc) + structs, total) > this.opts.maxDocMemoryBytes) {
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
    this.log.warn({ boardId: this.boardId, bytes: this.pendingBytes(), why }, "dropped updates that could not be integrated");
    this.dropPendingStructs();
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    const senders = [...this.unintegrated.keys()];
    this.unintegrated.clear();
    for (const conn of senders) conn.close(CloseCode.resyncNeeded, "resync: updates could not be integrated");
  }

  /**
   * Records what of `conn`'s update Yjs could not integrate yet (a struct or deletion whose
   * dependency the room has not seen, e.g. a client's live edit that overtook its offline
   * edits). SAVED for that connection waits until the room's state vector covers it.
   */
  private trackPending(conn: RoomConnection, { structs, ds }: ReturnType<typeof Y.decodeUpdate>): void {
    const store = this.doc.store;
    if (!store.pendingStructs && !store.pendingDs) {
      // Everything any connection sent is integrated now.
      this.unintegrated.clear();
      return;
    }
    const needs: Needs = this.unintegrated.get(conn) ?? new Map();
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      const end = s.id.clock + s.length;
      if (Y.getState(store, s.id.client) < end) addNeed(needs, s.id.client, end);
    }
    for (const [client, ranges] of ds.clients) {
      for (const { clock, len } of ranges) if (Y.getState(store, client) < clock + len) addNeed(needs, client, clock + len);
    }
    if (needs.size) this.unintegrated.set(conn, needs);
  }

  /** Whether `conn` has sent something still pending; forgets what has been integrated since. */
  private hasPending(conn: RoomConnection): boolean {
    if (this.held.some((h) => h.conn === conn)) return true;
    const needs = this.unintegrated.get(conn);
    if (!needs) return false;
    for (const [client, end] of needs) if (Y.getState(this.doc.store, client) >= end) needs.delete(client);
    if (needs.size) return true;
    this.unintegrated.delete(conn);
    return false;
  }

  /**
   * Answers a client's sync step 1 with the committed state it lacks (R-COMMIT, R-PENDING):
   * updates applied but not committed yet reach it by the relay after their commit.
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array[] {
    return this.committed.answer(stateVector);
  }

  applyAwareness(conn: RoomConnection, update: Uint8Array): void {
    const clockOf = (id: number) => this.awareness.meta.get(id)?.clock ?? 0;
    const entries = this.ownership.filter(conn, decodeAwarenessUpdate(update), clockOf);
    if (!entries.length) return;
    this.lastActivity = Date.now();
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn);
  }

  requestSaved(conn: RoomConnection, id: number): void {
    const pending = this.hasPending(conn);
    if (!pending && this.committedSeq >= this.appliedSeq) conn.send(encodeSaved(id));
    else this.saveWaiters.push({ conn, id, seq: this.appliedSeq, pending });
  }

  // --- durable pipeline ------------------------------------------------------------------------

  private enqueue(update: Uint8Array, origin: unknown): void {
    if (this.broken) return;
    const sender = this.conns.has(origin as RoomConnection) && !this.relayToSender ? (origin as RoomConnection) : null;
    this.pending.push({ update, origin: sender });
    this.appliedSeq++;
    this.queuedBytes += update.length;
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
        const rowId = await this.store.append(this.boardId, batch.map((p) => p.update));
        for (const p of batch) this.queuedBytes -= p.update.length;
        this.committedSeq += batch.length;
        this.relay(batch, rowId);
        this.answerSaveWaiters();
        if (this.shouldCompact()) void this.compact();
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

  /** Every COMPACT_AFTER_UPDATES updates, or once the tail outweighs the snapshot (and 1 MiB). */
  private shouldCompact(): boolean {
    if (this.compacting || this.broken) return false;
    const tail = this.committed.bytes - this.committed.baseBytes;
    return this.committed.tailLength >= this.opts.compactAfterUpdates || tail > Math.max(1024 * 1024, this.committed.baseBytes);
  }

  /**
   * Merges the committed bytes (never the live doc, which may hold uncommitted or pending
   * content) into a new snapshot in the worker thread, while edits keep being committed.
   */
  private async compact(): Promise<void> {
    const job = this.committed.toCompact();
    if (!job) return;
    this.compacting = true;
    let done = () => {};
    this.compaction = new Promise((resolve) => (done = resolve));
    try {
      const { state, dropped } = await compactUpdates(job.updates);
      if (this.broken) return;
      await this.store.compact(this.boardId, state, job.uptoRowId);
      this.committed.compacted(state, job.count);
      this.log.debug({ boardId: this.boardId, bytes: state.length, dropped }, "compacted board");
    } catch (err) {
      this.fail(err);
    } finally {
      this.compacting = false;
      this.compaction = null;
      done();
    }
  }

  private relay(batch: PendingUpdate[], rowId: number): void {
    for (const { update, origin } of batch) {
      const message = updateMessage(update);
      this.committed.append(update, message, rowId);
      for (const conn of this.conns) if (conn !== origin) conn.send(message);
    }
  }

  private answerSaveWaiters(): void {
    const still: typeof this.saveWaiters = [];
    for (const w of this.saveWaiters) {
      if (w.pending && !this.hasPending(w.conn)) {
        // Integrated since the request: by an update applied after it, so wait for that one too.
        w.pending = false;
        w.seq = this.appliedSeq;
      }
      if (!w.pending && w.seq <= this.committedSeq) w.conn.send(encodeSaved(w.id));
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
    // A compaction in flight is waited for too: unloading or shutting down mid-way would
    // leave its write to a closed database.
    const compaction = this.compaction ?? Promise.resolve();
    if ((!this.pending.length && !this.flushing && !this.flushScheduled) || this.broken) return compaction;
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve)).then(() => this.compaction ?? compaction);
  }

  // --- awareness relay (batched and byte-bounded: presence.ts) -------------------------------

  private relayAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    this.presence.add(added.concat(updated, removed));
  };

  destroy(): void {
    clearInterval(this.presenceSweep);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.presence.destroy();
    this.awareness.off("update", this.relayAwareness);
    this.awareness.destroy();
    this.doc.off("afterTransaction", this.afterTransaction);
    this.doc.destroy();
  }
}
