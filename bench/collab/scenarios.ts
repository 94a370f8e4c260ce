/**
 * The benchmark's two kinds of measurement, run the same way on every server:
 * - latency: boards × clients, some clients writing at a fixed rate; for every update, the delay
 *   until each other client of its board receives it, plus what the server process spent;
 * - join: a new client joining a large board, time from connecting to holding the whole board.
 */
import * as Y from "yjs";
import { writeBoard, playersOf } from "../../lib/collab/boardDoc";
import { updateFrame } from "../../lib/collab/protocol";
import { generateBoard } from "../generateBoard";
import { percentile, median } from "../stats";
import { LightClient } from "./lightClient";
import { cpuSeconds, peakRssMB } from "./procStats";
import type { BenchServer } from "./servers";

export interface LatencyScenario {
  boards: number;
  clientsPerBoard: number;
  writersPerBoard: number;
  updates: number;
  rateHz: number;
}

export interface Measured {
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  /** CPU seconds the server process(es) spent during the measurement. */
  cpu: number;
  /** Peak resident memory of the server process(es), MB (summed over processes). */
  rssMB: number;
}

const CONNECT_BATCH = 100;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

const serverCpu = (server: BenchServer) => server.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);

export async function runLatency(server: BenchServer, s: LatencyScenario): Promise<Measured> {
  const boards = await server.boards(s.boards);
  /** First-struct key of every update sent → when, and by which client. */
  const sentAt = new Map<string, { at: number; by: LightClient }>();
  const latencies: number[] = [];
  // The reference sends a writer its own updates back: those are not deliveries.
  const receiver = (self: () => LightClient) => (key: string, at: number) => {
    const sent = sentAt.get(key);
    if (sent && sent.by !== self()) latencies.push(at - sent.at);
  };
  const clients: LightClient[][] = boards.map(() => []);
  try {
    // Connected in batches: thousands of handshakes at once measure the accept queue, not relaying.
    const all = boards.flatMap((b, bi) => Array.from({ length: s.clientsPerBoard }, (_, ci) => ({ b, bi, ci })));
    for (let at = 0; at < all.length; at += CONNECT_BATCH) {
      const batch = all.slice(at, at + CONNECT_BATCH).map(({ b, bi, ci }) => {
        const client: LightClient = new LightClient(server.url(b, ci), server.syncs, { onUpdate: receiver(() => client) });
        clients[bi].push(client);
        return client.ready;
      });
      await Promise.all(batch);
    }
    const writers = clients.flatMap((board) => board.slice(0, s.writersPerBoard).map((c) => ({ client: c, doc: c.writer() })));
    const cpuBefore = serverCpu(server);
    await Promise.all(
      writers.map(
        ({ client, doc }, wi) =>
          new Promise<void>((resolve) => {
            let seq = 0;
            // Out of phase, as people are.
            setTimeout(() => {
              const timer = setInterval(() => {
                sentAt.set(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, { at: performance.now(), by: client });
                doc.getMap("bench").set("value", seq);
                if (++seq === s.updates) {
                  clearInterval(timer);
                  resolve();
                }
              }, 1000 / s.rateHz);
            }, ((wi % 50) * 1000) / s.rateHz / 50);
          }),
      ),
    );
    const expected = s.boards * s.writersPerBoard * s.updates * (s.clientsPerBoard - 1);
    await waitUntil(() => latencies.length >= expected, 10_000);
    const cpu = serverCpu(server) - cpuBefore;
    return {
      delivered: latencies.length,
      expected,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpu,
      rssMB: server.pids.reduce((sum, pid) => sum + peakRssMB(pid), 0),
    };
  } finally {
    for (const c of clients.flat()) c.close();
  }
}

export interface JoinMeasured {
  /** Median and slowest time from connecting to holding the whole board, ms. */
  median: number;
  max: number;
  /** Joins that ended holding every player. */
  complete: number;
  joins: number;
  cpu: number;
  rssMB: number;
}

/** A new client joining a board of `players` players (a generated chain), `joins` times in turn. */
export async function runJoin(server: BenchServer, players: number, joins: number): Promise<JoinMeasured> {
  const [board] = await server.boards(1);
  const doc = new Y.Doc();
  writeBoard(doc, generateBoard(players, 7));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  if (server.seed) await server.seed(board, state);
  // Someone is on the board already (it is loaded); the reference gets its content from them.
  const keeper = new LightClient(server.url(board, 0), true);
  await keeper.ready;
  if (!server.seed) {
    keeper.ws.send(updateFrame(state));
    await sleep(500);
  }
  const cpuBefore = serverCpu(server);
  const times: number[] = [];
  let complete = 0;
  try {
    for (let j = 0; j < joins; j++) {
      const joined = new Y.Doc();
      const started = performance.now();
      const client = new LightClient(server.url(board, j + 1), true, { onPayload: (u) => Y.applyUpdate(joined, u) });
      await client.ready;
      times.push(performance.now() - started);
      if (playersOf(joined).size === players) complete++;
      client.close();
      joined.destroy();
    }
  } finally {
    keeper.close();
  }
  return {
    median: median(times),
    max: Math.max(...times),
    complete,
    joins,
    cpu: serverCpu(server) - cpuBefore,
    rssMB: server.pids.reduce((sum, pid) => sum + peakRssMB(pid), 0),
  };
}
