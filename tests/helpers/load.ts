/**
 * Tools for the hostile-load tests: watch the server's health while an attack runs, build and
 * store boards of a given size, and open sockets from other local addresses (all of 127/8 is
 * this machine, so 127.0.0.2 is "another client" to the server).
 */
import * as Y from "yjs";
import { openDatabase } from "../../server/db/database";
import { writeBoard } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { healthz, sleep } from "./chaos";

export interface HealthFigures {
  samples: number;
  /** Longest event-loop stall the server measured (its own histogram, reset at each poll). */
  maxLoopMs: number;
  /** Slowest /healthz answer seen from outside. */
  maxLatencyMs: number;
  maxHeapMB: number;
  maxRssMB: number;
  lastHeapMB: number;
  lastRssMB: number;
  failures: number;
}

const MB = 1024 * 1024;

/** Polls /healthz every `intervalMs` until stopped. */
export function watchHealth(url: string, intervalMs = 50): { stop(): Promise<HealthFigures> } {
  const f: HealthFigures = { samples: 0, maxLoopMs: 0, maxLatencyMs: 0, maxHeapMB: 0, maxRssMB: 0, lastHeapMB: 0, lastRssMB: 0, failures: 0 };
  let running = true;
  const loop = (async () => {
    // The server's stall figure covers the time since the previous /healthz: start afresh.
    await healthz(url, 30_000);
    while (running) {
      const started = performance.now();
      const { status, body } = await healthz(url, 30_000);
      const ms = performance.now() - started;
      if (status !== 200 || !body) f.failures++;
      else {
        f.samples++;
        f.maxLatencyMs = Math.max(f.maxLatencyMs, ms);
        f.maxLoopMs = Math.max(f.maxLoopMs, Number(body.eventLoopMaxMs));
        f.lastHeapMB = Number(body.heapUsed) / MB;
        f.lastRssMB = Number(body.rss) / MB;
        f.maxHeapMB = Math.max(f.maxHeapMB, f.lastHeapMB);
        f.maxRssMB = Math.max(f.maxRssMB, f.lastRssMB);
      }
      await sleep(intervalMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return f;
    },
  };
}

export async function serverMemoryMB(url: string): Promise<{ heapMB: number; rssMB: number }> {
  const { body } = await healthz(url, 30_000);
  return { heapMB: Number(body?.heapUsed) / MB, rssMB: Number(body?.rss) / MB };
}

/**
 * A board document with `entries` tiny map entries beside a few real players: the cheapest
 * bytes that cost the most memory (one Yjs struct each).
 */
export function heavyBoardState(entries: number, playerNames: string[] = ["Manufacturer", "Dealer"]): Uint8Array {
  const doc = new Y.Doc();
  writeBoard(doc, { title: "Heavy board", players: playerNames.map((name, i) => makePlayer({ id: `p${i}`, name, kind: i ? "retailer" : "manufacturer" })), channels: [] });
  const junk = doc.getMap<number>("junk");
  doc.transact(() => {
    for (let i = 0; i < entries; i++) junk.set(`k${i}`, i);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Replaces a board's stored state with `state` (snapshot only, no update rows). */
export async function storeSnapshot(databaseUrl: string, boardId: string, state: Uint8Array): Promise<void> {
  const db = await openDatabase(databaseUrl);
  try {
    await db.prisma.$transaction([
      db.prisma.docUpdate.deleteMany({ where: { boardId } }),
      db.prisma.docSnapshot.upsert({
        where: { boardId },
        create: { boardId, state: new Uint8Array(state), lastUpdateId: 0 },
        update: { state: new Uint8Array(state), lastUpdateId: 0 },
      }),
    ]);
  } finally {
    await db.close();
  }
}

/** Bytes of the board as stored: snapshot and update rows. */
export async function storedBytes(databaseUrl: string, boardId: string): Promise<{ snapshot: number; updates: number; rows: number }> {
  const db = await openDatabase(databaseUrl);
  try {
    const snap = await db.prisma.docSnapshot.findUnique({ where: { boardId } });
    const rows = await db.prisma.docUpdate.findMany({ where: { boardId }, select: { data: true } });
    return { snapshot: snap?.state.length ?? 0, updates: rows.reduce((n, r) => n + r.data.length, 0), rows: rows.length };
  } finally {
    await db.close();
  }
}
