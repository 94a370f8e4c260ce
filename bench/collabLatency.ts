/**
 * Collaboration latency: one board, 50 stock y-websocket clients on loopback, 5 writers ×
 * 200 player moves at 20/s each. Measures, for every move, the delay until each of the
 * other 49 clients observes it. Runs Chainboard (auth on, durable commit on: SQLite WAL,
 * synchronous=FULL) and the reference @y/websocket-server 0.1.1 (in memory, no auth) in the
 * same run, alternating, and reports medians over the rounds and the ratio.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import * as Y from "yjs";
import { connectClient, createBoard, whenSynced, type TestClient } from "../tests/helpers/clients";
import { freePort, startServer } from "../tests/helpers/server";

const CLIENTS = 50;
const WRITERS = 5;
const UPDATES = 200;
const RATE_HZ = 20;

export interface LatencyResult {
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function runScenario(wsUrl: string, room: string, token: string): Promise<LatencyResult> {
  const clients: TestClient[] = [];
  for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(wsUrl, room, token));
  await Promise.all(clients.map((c) => whenSynced(c, 30_000)));
  const writers = clients.slice(0, WRITERS);
  // Each writer moves its own player; the player maps exist before timing starts.
  writers[0].doc.transact(() => {
    for (let w = 0; w < WRITERS; w++) {
      const m = new Y.Map<unknown>();
      m.set("name", `Writer ${w}`);
      m.set("x", -1);
      writers[0].doc.getMap<Y.Map<unknown>>("players").set(`w${w}`, m);
    }
  });
  await waitUntil(() => clients.every((c) => c.doc.getMap("players").size === WRITERS), 30_000);

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  clients.forEach((c, ci) => {
    c.doc.getMap<Y.Map<unknown>>("players").observeDeep((events) => {
      const now = performance.now();
      for (const e of events) {
        const key = e.path[0] as string | undefined;
        if (!key || !(e instanceof Y.YMapEvent) || !e.keysChanged.has("x")) continue;
        const writer = Number(key.slice(1));
        if (writer === ci) continue;
        const t = sentAt.get(`${key}:${(e.target as Y.Map<unknown>).get("x")}`);
        if (t !== undefined) latencies.push(now - t);
      }
    });
  });

  await Promise.all(
    writers.map(
      (w, wi) =>
        new Promise<void>((resolve) => {
          let seq = 0;
          // Writers start out of phase, as real people do.
          setTimeout(() => {
            const timer = setInterval(() => {
              const m = w.doc.getMap<Y.Map<unknown>>("players").get(`w${wi}`)!;
              sentAt.set(`w${wi}:${seq}`, performance.now());
              m.set("x", seq);
              if (++seq === UPDATES) {
                clearInterval(timer);
                resolve();
              }
            }, 1000 / RATE_HZ);
          }, (wi * 1000) / RATE_HZ / WRITERS);
        }),
    ),
  );
  const expected = WRITERS * UPDATES * (CLIENTS - 1);
  await waitUntil(() => latencies.length >= expected, 10_000).catch(() => undefined);
  clients.forEach((c) => c.destroy());
  latencies.sort((a, b) => a - b);
  return { delivered: latencies.length, expected, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timeout");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function withReferenceServer<T>(fn: (wsUrl: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const script = path.join(import.meta.dirname, "..", "node_modules", "@y", "websocket-server", "src", "server.js");
  const proc = spawn(process.execPath, [script], { env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) }, stdio: "ignore" });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    return await fn(`ws://127.0.0.1:${port}`);
  } finally {
    proc.kill("SIGKILL");
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCollabLatency(rounds = 3): Promise<void> {
  console.log(`\n## Collaboration latency: 1 board, ${CLIENTS} clients, ${WRITERS} writers × ${UPDATES} moves at ${RATE_HZ}/s (${rounds} rounds, medians)`);
  const ours: LatencyResult[] = [];
  const reference: LatencyResult[] = [];
  const server = await startServer({ env: { LOG_LEVEL: "error", MAX_MESSAGES_PER_SECOND: "1000" } });
  try {
    for (let r = 0; r < rounds; r++) {
      const board = await createBoard(server.url, { title: `bench ${r}` });
      ours.push(await runScenario(server.wsUrl, board.id, board.editToken));
      reference.push(await withReferenceServer((url) => runScenario(url, `bench-${r}`, "unused")));
      console.log(
        `round ${r + 1}: chainboard p50 ${ours[r].p50.toFixed(1)} ms p99 ${ours[r].p99.toFixed(1)} ms (${ours[r].delivered}/${ours[r].expected}) | ` +
          `reference p50 ${reference[r].p50.toFixed(1)} ms p99 ${reference[r].p99.toFixed(1)} ms (${reference[r].delivered}/${reference[r].expected})`,
      );
    }
  } finally {
    await server.stop();
  }
  const row = (name: string, rs: LatencyResult[]) =>
    `| ${name} | ${median(rs.map((x) => x.delivered))}/${rs[0].expected} | ${median(rs.map((x) => x.p50)).toFixed(1)} | ${median(rs.map((x) => x.p99)).toFixed(1)} |`;
  console.log("| server | delivered/expected | p50 ms | p99 ms |\n|---|---|---|---|");
  console.log(row("Chainboard (auth, durable commit)", ours));
  console.log(row("@y/websocket-server 0.1.1 (memory only)", reference));
  const p50Ratio = median(ours.map((x) => x.p50)) / median(reference.map((x) => x.p50));
  const p99Ratio = median(ours.map((x) => x.p99)) / median(reference.map((x) => x.p99));
  console.log(`ratio Chainboard / reference: p50 ${p50Ratio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}× (target p99 ≤ 1.5×)`);
}
