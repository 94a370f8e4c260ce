/**
 * Resources: thousands of distinct boards opened and closed through the real server, with
 * ROOM_IDLE_UNLOAD_MS=0 so each room unloads as soon as its last socket leaves (R-UNLOAD).
 * Afterwards no board stays loaded and the heap is back within 5% of its baseline.
 *
 * 2,000 boards in `npm test`, 10,000 under CHAOS_SEEDS (`npm run test:chaos`). The boards are
 * written into the database before the server starts (tests/helpers/seedBoards.ts): 10,000
 * POST /api/boards would take minutes. The heap is read after forced GCs through the V8
 * inspector (the server runs with --expose-gc --inspect=127.0.0.1:0), so no server change is
 * needed to measure it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addPlayer } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { encodeSaveRequest, SyncType } from "../../lib/collab/protocol";
import { tempSqliteUrl, type RunningServer } from "../helpers/server";
import { chaosRun } from "../helpers/fuzz";
import { healthz, sleep, startServerWhenBuilt } from "../helpers/chaos";
import { RawSocket, awarenessFrame, awarenessUpdate, isSaved, syncFrame, syncTypeOf } from "../helpers/rawSocket";
import { seedBoards, type SeededBoard } from "../helpers/seedBoards";
import { Inspector, heapGrowth } from "../helpers/inspector";

const BOARDS = chaosRun ? 10_000 : 2_000;
/** Boards opened first so that JIT code, caches and pools are warm before the baseline. */
const WARMUP = 400;
const CONCURRENCY = 50;

let server: RunningServer;
let inspector: Inspector;
let boards: SeededBoard[];
const result = { peakLoaded: 0, opened: 0, edited: 0 };

async function waitUnloaded(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await healthz(server.url);
    if (h.body?.loadedBoards === 0 && h.body?.connections === 0) return;
    if (Date.now() > deadline) throw new Error(`still loaded after ${timeoutMs} ms: ${JSON.stringify(h.body)}`);
    await sleep(100);
  }
}

/** Opens a board, waits until its room serves the socket, edits one board in five, closes. */
async function cycle(board: SeededBoard, i: number): Promise<void> {
  const sock = await RawSocket.open(`${server.wsUrl}/${board.id}?t=${board.editToken}`);
  try {
    const step1 = await sock.waitFor((f) => syncTypeOf(f) === SyncType.step1, 10_000);
    if (!step1) throw new Error(`board ${i} was not served: ${JSON.stringify(sock.closed)}`);
    result.opened++;
    if (i % 5 === 0) {
      const doc = new Y.Doc();
      let update: Uint8Array | null = null;
      doc.on("update", (u: Uint8Array) => (update = u));
      addPlayer(doc, makePlayer({ id: `p${i}`, name: `Player ${i}`, kind: "other" }));
      sock.send(syncFrame(SyncType.update, update!));
      sock.send(awarenessFrame(awarenessUpdate([{ clientId: doc.clientID, clock: 1, state: '{"user":{"name":"R"}}' }])));
      sock.send(encodeSaveRequest(i));
      if (!(await sock.waitFor((f) => isSaved(f, i), 10_000))) throw new Error(`board ${i}: no SAVED`);
      doc.destroy();
      result.edited++;
    }
  } finally {
    sock.close();
    await sock.waitClosed(5000);
  }
}

async function openAndClose(list: SeededBoard[], offset: number): Promise<void> {
  let next = 0;
  const monitor = setInterval(() => {
    void healthz(server.url).then((h) => {
      const loaded = h.body?.loadedBoards;
      if (typeof loaded === "number") result.peakLoaded = Math.max(result.peakLoaded, loaded);
    });
  }, 250);
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < list.length) {
          const i = next++;
          await cycle(list[i], offset + i);
        }
      }),
    );
  } finally {
    clearInterval(monitor);
  }
}

beforeAll(async () => {
  const databaseUrl = tempSqliteUrl();
  boards = await seedBoards(databaseUrl, WARMUP + BOARDS);
  server = await startServerWhenBuilt({
    databaseUrl,
    env: { ROOM_IDLE_UNLOAD_MS: "0", LOG_LEVEL: "warn", NODE_OPTIONS: "--expose-gc --inspect=127.0.0.1:0" },
  });
  inspector = await Inspector.attach(server.output);
}, 11 * 60_000);

afterAll(async () => {
  inspector?.close();
  await server?.stop();
});

describe(`resources: ${BOARDS.toLocaleString("en")} boards opened and closed`, () => {
  // One test: the heap is compared only with a baseline and a reading this run really took.
  it(`unloads every board once its last connection leaves and returns the heap to within 5% of its baseline: after ${BOARDS.toLocaleString("en")} distinct boards, /healthz reports 0 loaded boards and 0 connections and a room leaves nothing behind (R-UNLOAD)`, async () => {
    await openAndClose(boards.slice(0, WARMUP), 0);
    await waitUnloaded();
    const baseline = await inspector.settledHeapUsed();
    // CHAOS_HEAP_DIFF=1: print what grew, by constructor, from two heap snapshots (to hunt a leak).
    const before = process.env.CHAOS_HEAP_DIFF ? await inspector.heapSummary() : null;
    await openAndClose(boards.slice(WARMUP), WARMUP);
    await waitUnloaded();
    const after = await inspector.settledHeapUsed();
    if (before) console.log(heapGrowth(before, await inspector.heapSummary()));
    console.log(
      `${result.opened} boards served (${result.edited} edited), at most ${result.peakLoaded} loaded at once; heap ${(baseline / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB`,
    );
    expect(result.opened).toBe(WARMUP + BOARDS);
    expect(result.peakLoaded).toBeGreaterThan(0);
    expect(after).toBeLessThan(baseline * 1.05);
  }, 600_000);
});
