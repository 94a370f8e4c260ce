/**
 * Join and leave churn on one board that stays loaded: 10,000 real websocket clients join it,
 * each syncs (a full y-websocket handshake), shows its presence and checks that the server
 * took it, then leaves. Half clear their presence before closing, as the page does; the other
 * half just drop, as a crashed tab or a stock client does, so the server removes their state
 * and reserves their id (R-AWARENESS-OWN). A long-lived stock client keeps the board loaded
 * and receives every relay throughout.
 *
 * Afterwards nothing of the 10,000 is left: the heap after forced GCs (read through the V8
 * inspector) is within 5% of the baseline taken after a warm-up, the room's awareness holds
 * only the long-lived client, and /healthz counts one board and one connection again.
 *
 * The admission limits stay at their defaults: with CONCURRENCY sockets open at once this run
 * stays far below MAX_CONNECTIONS_PER_ADDRESS (200), MAX_CONNECTIONS_PER_TOKEN (500) and
 * MAX_PRESENCE_PER_BOARD (100), so it exercises them rather than switching them off.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { MessageType, SyncType } from "../../lib/collab/protocol";
import { decodeAwarenessUpdate } from "../../server/collab/awarenessFilter";
import type { RunningServer } from "../helpers/server";
import { connectClient, whenSynced, type TestClient } from "../helpers/clients";
import { healthz, sleep, startServerWhenBuilt } from "../helpers/chaos";
import { createBoardInDb } from "../helpers/seedBoards";
import { RawSocket, awarenessFrame, awarenessUpdate, syncTypeOf } from "../helpers/rawSocket";
import { Inspector, heapGrowth } from "../helpers/inspector";

const JOINS = 10_000;
/** Joins before the baseline, so that JIT code, caches and pools are warm when it is taken. */
const WARMUP = 500;
const CONCURRENCY = 16;

let server: RunningServer;
let inspector: Inspector;
let board: { id: string; editToken: string };
let keeper: TestClient;
let keeperCloses = 0;

const tally = { joined: 0, cleared: 0, dropped: 0 };

/** The awareness entries (id → state) of one awareness frame. */
function awarenessEntries(frame: Uint8Array): { clientId: number; state: string }[] {
  const d = decoding.createDecoder(frame);
  if (decoding.readVarUint(d) !== MessageType.awareness) return [];
  return decodeAwarenessUpdate(decoding.readVarUint8Array(d));
}

/**
 * One participant: joins, syncs, shows its presence, asks the server for every state (the
 * answer must carry its own, so the server took it) and leaves, clearing its presence first
 * when `clears`. A browser that clears sends its own key (`k`); one that drops sends none, so
 * its id is reserved under link and address (at most 2 of them, R-AWARENESS-OWN).
 */
async function joinAndLeave(i: number): Promise<void> {
  const clears = i % 2 === 0;
  const key = clears ? `&k=${randomBytes(16).toString("base64url")}` : "";
  const sock = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}${key}`);
  const doc = new Y.Doc();
  try {
    await sock.handshake(doc, 15_000);
    const name = `Joiner ${i}`;
    const state = JSON.stringify({ user: { name, color: "#3366cc" }, cursor: { x: i % 800, y: i % 600 } });
    const from = sock.received.length;
    sock.send(awarenessFrame(awarenessUpdate([{ clientId: doc.clientID, clock: 1, state }])));
    sock.send(Uint8Array.from([MessageType.queryAwareness]));
    const mine = (f: Uint8Array) => awarenessEntries(f).some((e) => e.clientId === doc.clientID && e.state === state);
    if (!(await sock.waitFor(mine, 15_000, from))) throw new Error(`${name}: the server did not take its presence (${JSON.stringify(sock.closed)})`);
    if (clears) sock.send(awarenessFrame(awarenessUpdate([{ clientId: doc.clientID, clock: 2, state: "null" }])));
    tally.joined++;
  } finally {
    sock.close();
    doc.destroy();
  }
  const closed = await sock.waitClosed(15_000);
  if (!closed) throw new Error(`joiner ${i}: the socket did not close`);
  if (clears) tally.cleared++;
  else tally.dropped++;
}

async function churn(first: number, count: number): Promise<void> {
  let next = first;
  const end = first + count;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < end) await joinAndLeave(next++);
    }),
  );
}

/** Waits until /healthz counts exactly the long-lived board and connection; returns what it said. */
async function backToKeeperOnly(timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await healthz(server.url);
    if (body?.loadedBoards === 1 && body?.connections === 1) return body;
    if (Date.now() > deadline) throw new Error(`/healthz still counts more than the long-lived client: ${JSON.stringify(body)}`);
    await sleep(100);
  }
}

/**
 * The awareness states the room holds, as a joining client receives them: every state right
 * after sync step 1, before the answer to its own sync step 1 (R-AWARENESS-BATCH).
 */
async function roomAwarenessIds(): Promise<number[]> {
  const sock = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}`);
  try {
    await sock.handshake(new Y.Doc());
    const step2At = sock.received.findIndex((f) => syncTypeOf(f) === SyncType.step2);
    return [...new Set(sock.received.slice(0, step2At).flatMap((f) => awarenessEntries(f).map((e) => e.clientId)))];
  } finally {
    sock.close();
    await sock.waitClosed(5000);
  }
}

beforeAll(async () => {
  server = await startServerWhenBuilt({ env: { LOG_LEVEL: "warn", NODE_OPTIONS: "--expose-gc --inspect=127.0.0.1:0" } });
  inspector = await Inspector.attach(server.output);
  board = await createBoardInDb(server.databaseUrl, "Join and leave");
  keeper = connectClient(server.wsUrl, board.id, board.editToken);
  keeper.provider.on("connection-close", () => keeperCloses++);
  keeper.provider.awareness.setLocalStateField("user", { name: "Keeper", color: "#cc3333" });
  await whenSynced(keeper);
}, 11 * 60_000);

afterAll(async () => {
  keeper?.destroy();
  inspector?.close();
  await server?.stop();
});

describe(`presence churn: ${JOINS.toLocaleString("en")} joins and leaves on one loaded board`, () => {
  it(`leaves nothing behind after ${JOINS.toLocaleString("en")} participants joined, synced, showed their presence and left: the heap is back within 5% of its baseline, the room's awareness holds only the remaining client, and /healthz counts one board and one connection (R-AWARENESS-OWN)`, async () => {
    await churn(0, WARMUP);
    const atBaseline = await backToKeeperOnly();
    const baseline = await inspector.settledHeapUsed();
    // CHAOS_HEAP_DIFF=1: print what grew, by constructor, from two heap snapshots (to hunt a leak).
    const before = process.env.CHAOS_HEAP_DIFF ? await inspector.heapSummary() : null;

    const started = performance.now();
    await churn(WARMUP, JOINS);
    const seconds = (performance.now() - started) / 1000;
    const afterChurn = await backToKeeperOnly();
    const ids = await roomAwarenessIds();
    await backToKeeperOnly();
    const after = await inspector.settledHeapUsed();
    if (before) console.log(heapGrowth(before, await inspector.heapSummary()));

    const MB = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
    console.log(
      [
        `${JOINS.toLocaleString("en")} joins and leaves (${CONCURRENCY} at a time, after ${WARMUP} to warm up) in ${seconds.toFixed(1)} s: ` +
          `${tally.joined} synced and showed presence, ${tally.cleared} cleared it before leaving, ${tally.dropped} dropped`,
        `  heap after forced GC: baseline ${MB(baseline)} → after ${MB(after)} (${(((after - baseline) / baseline) * 100).toFixed(2)}%)`,
        `  /healthz: loadedBoards ${atBaseline.loadedBoards} → ${afterChurn.loadedBoards}, connections ${atBaseline.connections} → ${afterChurn.connections}`,
        `  awareness states in the room: ${ids.length} (${ids.join(", ")}); the long-lived client is ${keeper.doc.clientID}`,
      ].join("\n"),
    );

    expect(tally.joined).toBe(WARMUP + JOINS);
    expect(tally.cleared + tally.dropped).toBe(WARMUP + JOINS);
    expect(keeperCloses).toBe(0);
    expect(ids).toEqual([keeper.doc.clientID]);
    expect(after).toBeLessThan(baseline * 1.05);
  }, 10 * 60_000);
});
