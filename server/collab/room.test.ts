import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import pino from "pino";
import type { DocStore, StoredDoc } from "./docStore";
import * as awarenessProtocol from "y-protocols/awareness";
import { DocumentTooLargeError, MAX_DEPARTED_PRESENCE, PRESENCE_FORGET_MS, Room, type RoomConnection, type RoomOptions } from "./room";
import { STRUCT_COST, structCount } from "./memory";
import { CloseCode } from "../../lib/collab/protocol";

/** The DocStore contract in memory: what the room commits, nothing else. */
class MemoryStore implements DocStore {
  snapshot: Uint8Array | null = null;
  rows: { id: number; data: Uint8Array }[] = [];
  private nextId = 1;
  async load(): Promise<StoredDoc> {
    return { snapshot: this.snapshot, updates: this.rows.map((r) => r.data), lastUpdateId: this.rows.at(-1)?.id ?? 0 };
  }
  async append(_boardId: string, updates: Uint8Array[]): Promise<number> {
    for (const data of updates) this.rows.push({ id: this.nextId++, data });
    return this.nextId - 1;
  }
  async compact(_boardId: string, state: Uint8Array, upto: number): Promise<void> {
    this.snapshot = state;
    this.rows = this.rows.filter((r) => r.id > upto);
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
  const r = await Room.load("b", store, opts(o), log);
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
      override async compact(boardId: string, state: Uint8Array, upto: number) {
        await held;
        return super.compact(boardId, state, upto);
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
