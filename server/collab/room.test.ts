import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import pino from "pino";
import type { AppendBatch, DocStore, Snapshot, StoredDoc } from "./docStore";
import * as awarenessProtocol from "y-protocols/awareness";
import { DocumentTooLargeError, MAX_DEPARTED_PRESENCE, PRESENCE_FORGET_MS, Room, type RoomConnection, type RoomOptions } from "./room";
import { STRUCT_COST, structCount } from "./memory";
import { CommitPipeline } from "./commitPipeline";
import * as decoding from "lib0/decoding";
import { CloseCode, MessageType } from "../../lib/collab/protocol";

/** The DocStore contract in memory: what the room commits, nothing else. */
class MemoryStore implements DocStore {
  snapshot: Uint8Array | null = null;
  version: number | null = null;
  rows: { id: number; data: Uint8Array }[] = [];
  /** While set, commits wait for it: the window between relay and commit, held open. */
  gate: Promise<void> | null = null;
  commits = 0;
  private nextId = 1;
  async load(): Promise<StoredDoc> {
    return { snapshot: this.snapshot, version: this.version, updates: [...this.rows] };
  }
  async append(batches: AppendBatch[]): Promise<number[][]> {
    await this.gate;
    this.commits++;
    return batches.map((b) => b.updates.map((data) => (this.rows.push({ id: this.nextId, data }), this.nextId++)));
  }
  async snapshotIfChanged(_boardId: string, known: number | null): Promise<Snapshot | null> {
    return this.snapshot && this.version !== known ? { state: this.snapshot, version: this.version ?? 0 } : null;
  }
  async compact(_boardId: string, state: Uint8Array, expected: number | null, rowIds: number[]): Promise<number | null> {
    if (expected !== this.version) return null;
    this.snapshot = state;
    this.version = (expected ?? 0) + 1;
    this.rows = this.rows.filter((r) => !rowIds.includes(r.id));
    return this.version;
  }
}

class FakeConnection implements RoomConnection {
  readonly awarenessIds = new Set<number>();
  readonly claimKey = "test";
  sent: Uint8Array[] = [];
  closed: number | null = null;
  constructor(readonly role: "editor" | "viewer" = "editor") {}
  send(m: Uint8Array) {
    this.sent.push(m);
  }
  close(code: number) {
    this.closed = code;
  }
}

const log = pino({ level: "silent" });
const opts = (o: Partial<RoomOptions> = {}): RoomOptions => ({
  maxDocBytes: 16 * 1024 * 1024,
  maxDocMemoryBytes: 64 * 1024 * 1024,
  maxPendingBytes: 1024 * 1024,
  maxPendingMs: 30_000,
  compactAfterUpdates: 500,
  heapBudget: { boards: Number.MAX_SAFE_INTEGER, updates: Number.MAX_SAFE_INTEGER },
  ...o,
});
const rooms: Room[] = [];
afterEach(() => rooms.splice(0).forEach((r) => r.destroy()));
async function room(store = new MemoryStore(), o: Partial<RoomOptions> = {}) {
  const r = await Room.load("b", opts(o), { store, pipeline: new CommitPipeline(store, log), hooks: {}, log });
  rooms.push(r);
  return r;
}

/** A client's updates: `n` updates of `entries` one-key map entries each. */
function junkUpdates(n: number, entries: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  for (let k = 0; k < n; k++) doc.transact(() => {
    for (let i = 0; i < entries; i++) doc.getMap("junk").set(`k${k}-${i}`, i);
  });
  return out;
}

describe("Room budgets (R-BUDGET)", () => {
  it("refuses an update that would pass MAX_DOC_MEMORY_BYTES by the struct rule, and accepts deletions at the limit", async () => {
    const r = await room(undefined, { maxDocMemoryBytes: 10_000 * STRUCT_COST });
    const conn = new FakeConnection();
    r.add(conn);
    const updates = junkUpdates(5, 3000);
    r.applyClientUpdate(conn, updates[0]);
    r.applyClientUpdate(conn, updates[1]);
    r.applyClientUpdate(conn, updates[2]);
    expect(structCount(r.doc)).toBe(9000);
    expect(() => r.applyClientUpdate(conn, updates[3])).toThrow(DocumentTooLargeError);
    expect(r.doc.getMap("junk").size).toBe(9000);
    // A deletion passes even now.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(r.doc));
    const deletions: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => deletions.push(u));
    client.transact(() => client.getMap("junk").delete("k0-0"));
    r.applyClientUpdate(conn, deletions[0]);
    expect(r.doc.getMap("junk").has("k0-0")).toBe(false);
  });

  it("does not count the history a lagging compaction has not folded yet against MAX_DOC_BYTES, up to twice the limit (R-BUDGET)", async () => {
    // A compaction that cannot finish: what a busy machine's worker looks like from the room.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = new (class extends MemoryStore {
      override async compact(boardId: string, state: Uint8Array, expected: number | null, rowIds: number[]) {
        await held;
        return super.compact(boardId, state, expected, rowIds);
      }
    })();
    const r = await room(store, { maxDocBytes: 3_000_000 });
    const conn = new FakeConnection();
    r.add(conn);
    const client = new Y.Doc();
    const note = client.getText("note");
    const rewrite = (i: number) => {
      let update: Uint8Array | null = null;
      const grab = (u: Uint8Array) => (update = u);
      client.on("update", grab);
      client.transact(() => {
        note.delete(0, note.length);
        note.insert(0, String(i % 10).repeat(900_000));
      });
      client.off("update", grab);
      return update!;
    };
    // Five rewrites of one 900 kB note: a 0.9 MB board with 4.5 MB of history behind it.
    for (let i = 0; i < 5; i++) {
      r.applyClientUpdate(conn, rewrite(i));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(r.docBytes).toBeGreaterThan(3_000_000);
    // Past twice the limit of history, a further rewrite waits for the compaction: refused.
    expect(() => r.applyClientUpdate(conn, rewrite(5))).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(() => r.applyClientUpdate(conn, rewrite(6))).toThrow(DocumentTooLargeError);
    release();
    await r.whenIdle();
  });

  it("counts updates Yjs keeps pending against MAX_DOC_BYTES (R-PENDING)", async () => {
    const r = await room(undefined, { maxDocBytes: 140_000, maxPendingBytes: 10_000_000 });
    const conn = new FakeConnection();
    r.add(conn);
    const updates = junkUpdates(4, 3000); // ~55 KB each; all but the first wait for the first
    r.applyClientUpdate(conn, updates[1]);
    r.applyClientUpdate(conn, updates[2]);
    expect(r.pendingBytes()).toBeGreaterThan(80_000);
    expect(() => r.applyClientUpdate(conn, updates[3])).toThrow(DocumentTooLargeError);
  });

  it("drops pending updates past MAX_PENDING_BYTES, closing their sender with 4409, and never serves them", async () => {
    const r = await room(undefined, { maxPendingBytes: 40_000 });
    const sender = new FakeConnection();
    const other = new FakeConnection();
    r.add(sender);
    r.add(other);
    const updates = junkUpdates(2, 3000);
    r.applyClientUpdate(sender, updates[1]);
    expect(sender.closed).toBe(CloseCode.resyncNeeded);
    expect(other.closed).toBeNull();
    expect(r.pendingBytes()).toBe(0);
    const answer = r.syncAnswer(Y.encodeStateVector(new Y.Doc()));
    const fresh = new Y.Doc();
    for (const m of answer) Y.applyUpdate(fresh, m.subarray(2 + (m[2] & 0x80 ? 3 : 1))); // step2/update payload after the header
    expect(fresh.getMap("junk").size).toBe(0);
  });

  it("repairs a stored snapshot that holds content Yjs can never integrate", async () => {
    const store = new MemoryStore();
    const good = new Y.Doc();
    good.getMap("board").set("title", "kept");
    const [, dangling] = junkUpdates(2, 100);
    store.snapshot = Y.mergeUpdates([Y.encodeStateAsUpdate(good), dangling]);
    const r = await room(store);
    expect(r.pendingBytes()).toBe(0);
    expect(r.doc.getMap("board").get("title")).toBe("kept");
    const stored = new Y.Doc();
    Y.applyUpdate(stored, store.snapshot!);
    expect(stored.store.pendingStructs).toBeNull();
    expect(stored.getMap("board").get("title")).toBe("kept");
    expect(store.snapshot!.length).toBeLessThan(Y.encodeStateAsUpdate(good).length + 50);
  });
});

/** The payload of a sync step 2 or update frame from the server. */
function payloadOf(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}

function savedIds(conn: FakeConnection): number[] {
  return conn.sent.filter((m) => m[0] === MessageType.saved).map((m) => decoding.readVarUint(decoding.createDecoder(m.subarray(1))));
}

describe("relay at once, acknowledge when durable (R-COMMIT, R-SAVED)", () => {
  it("relays an update before its commit, serves it to a client joining in between, and says SAVED only after the commit", async () => {
    const store = new MemoryStore();
    let open = () => {};
    store.gate = new Promise<void>((resolve) => (open = resolve));
    const r = await room(store);
    const writer = new FakeConnection();
    const reader = new FakeConnection();
    r.add(writer);
    r.add(reader);
    const [update] = junkUpdates(1, 3);
    reader.sent = [];
    r.applyClientUpdate(writer, update);
    r.requestSaved(writer, 7);
    // Relayed at once, while the commit waits.
    expect(reader.sent).toHaveLength(1);
    const relayed = new Y.Doc();
    Y.applyUpdate(relayed, payloadOf(reader.sent[0]));
    expect(relayed.getMap("junk").size).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.rows).toHaveLength(0);
    expect(savedIds(writer)).toEqual([]);
    // A client joining now gets it from the sync answer, not from a relay it missed.
    const joiner = new Y.Doc();
    for (const m of r.syncAnswer(Y.encodeStateVector(joiner))) Y.applyUpdate(joiner, payloadOf(m));
    expect(joiner.getMap("junk").size).toBe(3);
    open();
    await r.whenIdle();
    expect(store.rows).toHaveLength(1);
    expect(savedIds(writer)).toEqual([7]);
  });

  it("commits the waiting updates of every board of the process in one transaction", async () => {
    const store = new MemoryStore();
    let open = () => {};
    store.gate = new Promise<void>((resolve) => (open = resolve));
    const pipeline = new CommitPipeline(store, log);
    const boards = await Promise.all(
      ["a", "b", "c"].map((id) => Room.load(id, opts(), { store, pipeline, hooks: {}, log })),
    );
    rooms.push(...boards);
    const conns = boards.map((b) => {
      const c = new FakeConnection();
      b.add(c);
      return c;
    });
    // The first group is one update of board a; while it waits, all three boards edit.
    boards[0].applyClientUpdate(conns[0], junkUpdates(1, 1)[0]);
    await new Promise((resolve) => setImmediate(resolve));
    for (const [i, b] of boards.entries()) for (const u of junkUpdates(3, 2)) b.applyClientUpdate(conns[i], u);
    open();
    await Promise.all(boards.map((b) => b.whenIdle()));
    expect(store.rows).toHaveLength(10);
    // One for the first update, one for the nine that arrived while it was in flight.
    expect(store.commits).toBe(2);
  });

  it("compacts only what is committed, and merges in a snapshot another process wrote meanwhile", async () => {
    const store = new MemoryStore();
    const r = await room(store, { compactAfterUpdates: 3 });
    const conn = new FakeConnection();
    r.add(conn);
    // Another process compacted the board: its snapshot holds an entry this room never saw.
    const elsewhere = new Y.Doc();
    elsewhere.getMap("junk").set("from-elsewhere", 1);
    store.snapshot = Y.encodeStateAsUpdate(elsewhere);
    store.version = 5;
    for (const u of junkUpdates(3, 1)) r.applyClientUpdate(conn, u);
    await r.whenIdle();
    expect(store.version).toBe(6);
    expect(store.rows).toHaveLength(0);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, store.snapshot!);
    expect([...stored.getMap("junk").keys()].sort()).toEqual(["from-elsewhere", "k0-0", "k1-0", "k2-0"]);
  });
});

describe("presence of people who left", () => {
  it("forgets the clocks of departed presence ids once they have been gone a while, so a long day does not pile them up", async () => {
    const r = await room();
    for (let i = 0; i < 50; i++) {
      const conn = new FakeConnection();
      r.add(conn);
      const visitor = new awarenessProtocol.Awareness(new Y.Doc());
      visitor.setLocalState({ name: `visitor ${i}` });
      r.applyAwareness(conn, awarenessProtocol.encodeAwarenessUpdate(visitor, [visitor.clientID]));
      r.remove(conn);
      visitor.destroy();
    }
    const departed = () => [...r.awareness.meta.keys()].filter((id) => id !== r.awareness.clientID).length;
    expect(r.awareness.getStates().size).toBe(0);
    expect(departed()).toBe(50);
    expect(r.sweepPresence(Date.now())).toBe(0);
    expect(r.sweepPresence(Date.now() + PRESENCE_FORGET_MS)).toBe(50);
    expect(departed()).toBe(0);
  });

  it("keeps at most a bounded number of departed presence clocks however many people come and go within a minute, the most recent departures last", async () => {
    const r = await room();
    const ids: number[] = [];
    for (let i = 0; i < 5 * MAX_DEPARTED_PRESENCE; i++) {
      const conn = new FakeConnection();
      r.add(conn);
      const visitor = new awarenessProtocol.Awareness(new Y.Doc());
      visitor.setLocalState({ name: `visitor ${i}` });
      r.applyAwareness(conn, awarenessProtocol.encodeAwarenessUpdate(visitor, [visitor.clientID]));
      r.remove(conn);
      ids.push(visitor.clientID);
      visitor.destroy();
    }
    const departed = [...r.awareness.meta.keys()].filter((id) => id !== r.awareness.clientID);
    expect(r.awareness.getStates().size).toBe(0);
    expect(departed.length).toBeLessThanOrEqual(2 * MAX_DEPARTED_PRESENCE);
    expect(departed).toContain(ids.at(-1));
  });
});
