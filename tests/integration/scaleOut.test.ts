/**
 * Several processes, one service (R-FANOUT, R-COMPACT, R-SAVED): Chainboard processes on one
 * PostgreSQL database and one Redis, clients spread over them, as behind a plain load balancer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import pg from "pg";
import { addPlayer, movePlayers, playersOf, updatePlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { Coverage, TrackedClient, sleep, startServerWhenBuilt, stateVectorOf, storedDoc, waitUntil, contentKey } from "../helpers/chaos";
import { createTestDatabase } from "../helpers/postgres";
import { createBoardInDb } from "../helpers/seedBoards";
import { startBalancer } from "../helpers/balancer";
import { Rng } from "../helpers/fuzz";
import type { RunningServer } from "../helpers/server";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** Each run's channels apart from any other run's sharing this Redis. */
const PREFIX = `chainboard-test-${process.pid}-${Date.now()}:`;
const ORPHAN_MS = 1000;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { REDIS_URL, REDIS_CHANNEL_PREFIX: PREFIX, FANOUT_ORPHAN_MS: String(ORPHAN_MS), MAX_MESSAGES_PER_SECOND: "1000000", COMPACT_AFTER_UPDATES: "8", ...extra };
}

/** A document's canonical bytes: its state re-encoded through a fresh document. */
function canonical(doc: Y.Doc): Buffer {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
  const bytes = Buffer.from(Y.encodeStateAsUpdate(fresh));
  fresh.destroy();
  return bytes;
}

function randomOp(doc: Y.Doc, rng: Rng, tag: string, n: number): void {
  const ids = [...playersOf(doc).keys()];
  const roll = rng.float();
  if (ids.length < 3 || roll < 0.2) addPlayer(doc, makePlayer({ id: `${tag}-p${n}`, name: `P ${tag}.${n}`, kind: "retailer", x: rng.int(2000), y: rng.int(1000) }));
  else if (roll < 0.7) movePlayers(doc, [{ id: rng.pick(ids), x: rng.int(2000), y: rng.int(1000) }]);
  else updatePlayer(doc, rng.pick(ids), { name: `name ${tag}.${n}` });
}

async function converged(clients: TrackedClient[], timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    () => {
      if (!clients.every((c) => c.provider.synced)) return false;
      const key = contentKey(clients[0].doc);
      return clients.every((c) => contentKey(c.doc).equals(key));
    },
    timeoutMs,
    "clients converge",
    50,
  );
}

async function snapshotVersion(url: string, boardId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "version" FROM "DocSnapshot" WHERE "boardId" = $1`, [boardId]);
    return rows[0]?.version ?? 0;
  } finally {
    await client.end();
  }
}

describe("several processes on one PostgreSQL and one Redis (R-FANOUT)", () => {
  let database: { url: string; drop: () => Promise<void> };
  let p1: RunningServer;
  let p2: RunningServer;
  const clients: TrackedClient[] = [];
  const track = (c: TrackedClient) => (clients.push(c), c);

  beforeAll(async () => {
    database = await createTestDatabase();
    [p1, p2] = await Promise.all([startServerWhenBuilt({ databaseUrl: database.url, env: env() }), startServerWhenBuilt({ databaseUrl: database.url, env: env() })]);
  }, 11 * 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([p1?.stop(), p2?.stop()]);
    await database?.drop();
  });

  it("converges clients of both processes to one document, byte-identical to a reload from the database", async () => {
    const board = await createBoardInDb(database.url, "two processes");
    const group = [p1, p2, p1, p2].map((p) => track(new TrackedClient(p.wsUrl, board.id, board.editToken)));
    await waitUntil(() => group.every((c) => c.provider.synced), 15_000, "clients synced");
    const rng = new Rng(0x2b0a);
    for (let round = 0; round < 40; round++) {
      group.forEach((c, i) => randomOp(c.doc, rng, `c${i}`, round));
      await sleep(rng.int(15));
    }
    await converged(group);
    // Every client got the others' edits live, through its own process or through Redis.
    for (const c of group) expect(c.relaysReceived).toBeGreaterThan(0);
    await Promise.all(group.map((c) => c.saveAll()));
    const stored = await storedDoc(database.url, board.id);
    for (const c of group) expect(canonical(c.doc).equals(canonical(stored.doc))).toBe(true);
    stored.doc.destroy();
  }, 60_000);

  it("shows presence across processes, and its end", async () => {
    const board = await createBoardInDb(database.url, "presence");
    const ada = track(new TrackedClient(p1.wsUrl, board.id, board.editToken));
    const bob = track(new TrackedClient(p2.wsUrl, board.id, board.editToken));
    await waitUntil(() => ada.provider.synced && bob.provider.synced, 15_000, "clients synced");
    ada.provider.awareness.setLocalStateField("user", { name: "Ada", function: "Sales" });
    const adaOnBob = () => bob.provider.awareness.getStates().get(ada.doc.clientID) as { user?: { name: string } } | undefined;
    await waitUntil(() => adaOnBob()?.user?.name === "Ada", 10_000, "Ada's presence reaches process 2");
    bob.provider.awareness.setLocalStateField("user", { name: "Bob" });
    await waitUntil(() => (ada.provider.awareness.getStates().get(bob.doc.clientID) as { user?: { name: string } })?.user?.name === "Bob", 10_000, "Bob's presence reaches process 1");
    ada.provider.disconnect();
    await waitUntil(() => !bob.provider.awareness.getStates().has(ada.doc.clientID), 10_000, "Ada's departure reaches process 2");
  }, 40_000);

  it("drops a viewer's writes on its own process, so they never reach the other", async () => {
    const board = await createBoardInDb(database.url, "viewer");
    const editor = track(new TrackedClient(p1.wsUrl, board.id, board.editToken));
    const viewer = track(new TrackedClient(p2.wsUrl, board.id, board.viewToken));
    await waitUntil(() => editor.provider.synced && viewer.provider.synced, 15_000, "clients synced");
    addPlayer(viewer.doc, makePlayer({ id: "forged", name: "Forged by a viewer", kind: "retailer", x: 0, y: 0 }));
    addPlayer(editor.doc, makePlayer({ id: "real", name: "Added by the editor", kind: "retailer", x: 0, y: 0 }));
    await waitUntil(() => playersOf(viewer.doc).has("real"), 10_000, "the editor's edit reaches the viewer on process 2");
    await editor.saveAll();
    // A late relay of the forged write would have come with or before the editor's SAVED.
    await sleep(300);
    expect(playersOf(editor.doc).has("forged")).toBe(false);
    const stored = await storedDoc(database.url, board.id);
    expect(playersOf(stored.doc).has("real")).toBe(true);
    expect(playersOf(stored.doc).has("forged")).toBe(false);
    stored.doc.destroy();
  }, 40_000);

  it("compacts concurrently from both processes to a document identical to replaying every update (R-COMPACT)", async () => {
    const board = await createBoardInDb(database.url, "compaction");
    const seed = await storedDoc(database.url, board.id);
    const group = [p1, p2, p1, p2].map((p) => track(new TrackedClient(p.wsUrl, board.id, board.editToken)));
    const every: Uint8Array[] = [];
    for (const c of group) c.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== c.provider && every.push(u));
    await waitUntil(() => group.every((c) => c.provider.synced), 15_000, "clients synced");
    const before = await snapshotVersion(database.url, board.id);
    const rng = new Rng(0xc0c0);
    for (let round = 0; round < 120; round++) {
      group.forEach((c, i) => randomOp(c.doc, rng, `k${i}`, round));
      await sleep(5 + rng.int(25));
    }
    await converged(group);
    await Promise.all(group.map((c) => c.saveAll()));
    // 480 updates over a few seconds, a compaction due every 8 on either process: many, some racing.
    const after = await snapshotVersion(database.url, board.id);
    expect(after - before).toBeGreaterThanOrEqual(4);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, Y.encodeStateAsUpdate(seed.doc));
    for (const u of every) Y.applyUpdate(replay, u);
    const stored = await storedDoc(database.url, board.id);
    expect(canonical(stored.doc).equals(canonical(replay))).toBe(true);
    expect(stored.rows).toBeLessThan(every.length);
    stored.doc.destroy();
    seed.doc.destroy();
  }, 60_000);
});

describe("kill -9 of one process behind a load balancer (R-SAVED, R-FANOUT)", () => {
  let database: { url: string; drop: () => Promise<void> };
  let doomed: RunningServer;
  let other: RunningServer;
  const clients: TrackedClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // The doomed process holds every commit 250 ms, so the kill lands between relays and their commits.
    [doomed, other] = await Promise.all([
      startServerWhenBuilt({ databaseUrl: database.url, env: env({ FAULT_COMMIT_DELAY_MS: "250" }) }),
      startServerWhenBuilt({ databaseUrl: database.url, env: env() }),
    ]);
  }, 11 * 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all([doomed?.stop(), other?.stop()]);
    await database?.drop();
  });

  it("keeps every SAVED update, and every update a client saw, relayed but uncommitted ones included", async () => {
    const board = await createBoardInDb(database.url, "kill one process");
    const balancer = await startBalancer([doomed.port, other.port]);
    try {
      const relayed = new Coverage();
      // Round robin: the first and third client on the doomed process, the second on the other.
      for (let i = 0; i < 3; i++) {
        clients.push(new TrackedClient(balancer.wsUrl, board.id, board.editToken, { relayed }));
        await waitUntil(() => clients[i].provider.synced, 15_000, `client ${i} synced`);
      }
      const rng = new Rng(0x9d1e);
      const burst = async (rounds: number, from: number) => {
        for (let r = from; r < from + rounds; r++) {
          clients.forEach((c, i) => {
            randomOp(c.doc, rng, `b${i}`, r);
            if (rng.chance(0.3)) void c.requestSaved();
          });
          await sleep(rng.int(20));
        }
      };
      await burst(40, 0);
      // Some updates must be acknowledged before the kill (on a busy machine 40 rounds can pass
      // before the first held commit ends), and some relayed after the last commit began: a
      // few more rounds right before the kill leave those uncommitted.
      await waitUntil(() => clients.some((c) => c.acked.updates > 0), 15_000, "a first SAVED");
      await burst(5, 40);
      await doomed.kill();
      const savedAtKill = new Coverage();
      for (const c of clients) savedAtKill.merge(c.acked);
      const atKill = await storedDoc(database.url, board.id);
      expect(savedAtKill.updates).toBeGreaterThan(0);
      expect(savedAtKill.missingFrom(atKill.doc)).toEqual([]);
      // The window this test is about was open: clients had seen updates the database did not hold.
      const relayedUncommitted = relayed.missingFrom(atKill.doc);
      expect(relayedUncommitted.length).toBeGreaterThan(0);
      atKill.doc.destroy();

      // The doomed process's clients reconnect through the balancer to the other and keep going.
      await burst(20, 45);
      await converged(clients, 30_000);
      await Promise.all(clients.map((c) => c.saveAll()));
      await sleep(ORPHAN_MS * 2);
      const stored = await storedDoc(database.url, board.id);
      const seen = new Coverage();
      for (const c of clients) seen.merge(c.acked);
      seen.merge(relayed);
      expect(seen.missingFrom(stored.doc)).toEqual([]);
      for (const c of clients) expect(stateVectorOf(stored.doc)[String(c.doc.clientID)]).toBe(Y.getState(c.doc.store, c.doc.clientID));
      for (const c of clients) expect(canonical(c.doc).equals(canonical(stored.doc))).toBe(true);
      stored.doc.destroy();

      // Restarted on its port, the process serves the whole board again.
      doomed = await startServerWhenBuilt({ databaseUrl: database.url, port: doomed.port, env: env() });
      const late = new TrackedClient(doomed.wsUrl, board.id, board.editToken);
      clients.push(late);
      await waitUntil(() => late.provider.synced, 15_000, "a client of the restarted process synced");
      expect(canonical(late.doc).equals(canonical(clients[0].doc))).toBe(true);
    } finally {
      await balancer.close();
    }
  }, 120_000);
});
