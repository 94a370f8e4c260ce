/**
 * R-SAVED bookkeeping of one room: which SAVE_REQUESTs can be answered. SAVED(id) goes out once
 * every update the connection sent before the request is committed. An update Yjs keeps
 * pending (it depends on a struct the room has not seen yet) is not committed: SAVED waits
 * until it is integrated and committed. So do updates another process relayed here before the
 * request (the client may have built on them): SAVED waits until that process reports them
 * committed, or this one committed them in its stead (R-FANOUT).
 */
import * as Y from "yjs";
import { encodeSaved } from "../../lib/collab/protocol";
import type { DecodedUpdate } from "./clientUpdate";

export interface Acknowledgeable {
  send(message: Uint8Array): void;
}

/** Client → the clock its structs or deletions must reach before they are integrated. */
type Needs = Map<number, number>;

function addNeed(needs: Needs, client: number, end: number): void {
  if ((needs.get(client) ?? 0) < end) needs.set(client, end);
}

export class Acknowledgements<C extends Acknowledgeable> {
  /** Updates applied by this room that it commits, and how many of them are committed. */
  private appliedSeq = 0;
  private committedSeq = 0;
  private waiters: { conn: C; id: number; seq: number; pending: boolean; remoteSeq: number }[] = [];
  /** Updates applied from other processes, numbered in arrival order, and those not known committed. */
  private remoteSeq = 0;
  private unsettled: number[] = [];
  /** What each connection sent that Yjs keeps pending on a missing dependency. */
  private readonly unintegrated = new Map<C, Needs>();

  constructor(
    private readonly doc: Y.Doc,
    /** Whether the connection has updates held back by a workshop pause (R-WORKSHOP). */
    private readonly holds: (conn: C) => boolean,
  ) {}

  get allCommitted(): boolean {
    return this.committedSeq >= this.appliedSeq;
  }

  applied(): void {
    this.appliedSeq++;
  }

  /** An update from another process was applied; returns its number for `settled`. */
  remoteApplied(): number {
    this.unsettled.push(++this.remoteSeq);
    return this.remoteSeq;
  }

  /** The remote update `seq` is committed (by its process or by this one). */
  settled(seq: number): void {
    const i = this.unsettled.indexOf(seq);
    if (i < 0) return;
    this.unsettled.splice(i, 1);
    if (i === 0) this.answer();
  }

  private remoteSettledUpTo(seq: number): boolean {
    return !this.unsettled.length || this.unsettled[0] > seq;
  }

  committed(count: number): void {
    this.committedSeq += count;
    this.answer();
  }

  request(conn: C, id: number): void {
    const pending = this.hasPending(conn);
    if (!pending && this.allCommitted && this.remoteSettledUpTo(this.remoteSeq)) conn.send(encodeSaved(id));
    else this.waiters.push({ conn, id, seq: this.appliedSeq, pending, remoteSeq: this.remoteSeq });
  }

  /** Answers every request whose updates are integrated and committed now. */
  answer(): void {
    const still: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.pending && !this.hasPending(w.conn)) {
        // Integrated since the request: by an update applied after it, so wait for that one too.
        w.pending = false;
        w.seq = this.appliedSeq;
      }
      if (!w.pending && w.seq <= this.committedSeq && this.remoteSettledUpTo(w.remoteSeq)) w.conn.send(encodeSaved(w.id));
      else still.push(w);
    }
    this.waiters = still;
  }

  forget(conn: C): void {
    this.waiters = this.waiters.filter((w) => w.conn !== conn);
    this.unintegrated.delete(conn);
  }

  /**
   * Records what of `conn`'s update Yjs could not integrate yet (a struct or deletion whose
   * dependency the room has not seen, e.g. a client's live edit that overtook its offline
   * edits). SAVED for that connection waits until the room's state vector covers it.
   */
  track(conn: C, { structs, ds }: DecodedUpdate): void {
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

  /** The connections whose unintegrated updates are being dropped (R-PENDING); forgets them. */
  dropUnintegrated(): C[] {
    const senders = [...this.unintegrated.keys()];
    this.unintegrated.clear();
    return senders;
  }

  /** Whether `conn` has sent something still pending; forgets what has been integrated since. */
  private hasPending(conn: C): boolean {
    if (this.holds(conn)) return true;
    const needs = this.unintegrated.get(conn);
    if (!needs) return false;
    for (const [client, end] of needs) if (Y.getState(this.doc.store, client) >= end) needs.delete(client);
    if (needs.size) return true;
    this.unintegrated.delete(conn);
    return false;
  }
}
