/**
 * Collaboration latency: one board, 50 stock y-websocket clients on loopback, 5 writers ×
 * 200 player moves at 20/s each. Measures, for every move, the delay until each of the
 * other 49 clients observes it. Runs Chainboard (auth on, durable commit on: SQLite WAL,
 * synchronous=FULL) and the reference @y/websocket-server 0.1.1 (in memory, no auth) in the
 * same run, each started cold for every round with the same environment (collabServers.ts),
 * in alternating order, and reports medians over the rounds and the ratio.
 */
import * as Y from "yjs";
import { connectClient, whenSynced, type TestClient } from "../tests/helpers/clients";
import { median, percentile } from "./stats";
import { SERVER_NAMES, startCold, type ServerKind } from "./collabServers";

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

async function runScenario(wsUrl: string, room: string, token: string): Promise<LatencyResult> {
  const clients: TestClient[] = [];
  for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(wsUrl, room, token));
  try {
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
    return { delivered: latencies.length, expected, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  } finally {
    clients.forEach((c) => c.destroy());
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timeout");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Environment overrides, given to both servers alike (the reference ignores what it does not
 * read). Chainboard's limits stay at their defaults: this load is far below them.
 */
const SERVER_ENV: Record<string, string> = { LOG_LEVEL: "error" };

export async function benchCollabLatency(rounds = 3): Promise<void> {
  console.log(`\n## Collaboration latency: 1 board, ${CLIENTS} clients, ${WRITERS} writers × ${UPDATES} moves at ${RATE_HZ}/s (${rounds} rounds, medians)`);
  const env = Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`).join(" ");
  console.log(`Both servers start cold every round (a new process), with the same environment overrides (${env}); the order alternates per round.`);
  const results: Record<ServerKind, LatencyResult[]> = { chainboard: [], reference: [] };
  const line = (r: LatencyResult) => `p50 ${r.p50.toFixed(1)} ms p99 ${r.p99.toFixed(1)} ms (${r.delivered}/${r.expected})`;
  for (let r = 0; r < rounds; r++) {
    const order: ServerKind[] = r % 2 === 0 ? ["chainboard", "reference"] : ["reference", "chainboard"];
    for (const kind of order) {
      const server = await startCold(kind, SERVER_ENV);
      try {
        results[kind].push(await runScenario(server.wsUrl, server.room, server.token));
      } finally {
        await server.stop();
      }
    }
    console.log(`round ${r + 1} (${order.join(" first, then ")}): ${order.map((kind) => `${kind} ${line(results[kind][r])}`).join(" | ")}`);
  }
  const row = (kind: ServerKind) => {
    const rs = results[kind];
    return `| ${SERVER_NAMES[kind]} | ${median(rs.map((x) => x.delivered))}/${rs[0].expected} | ${median(rs.map((x) => x.p50)).toFixed(1)} | ${median(rs.map((x) => x.p99)).toFixed(1)} |`;
  };
  console.log("| server | delivered/expected | p50 ms | p99 ms |\n|---|---|---|---|");
  console.log(row("chainboard"));
  console.log(row("reference"));
  const ratio = (pick: (x: LatencyResult) => number) => median(results.chainboard.map(pick)) / median(results.reference.map(pick));
  console.log(`ratio Chainboard / reference: p50 ${ratio((x) => x.p50).toFixed(2)}×, p99 ${ratio((x) => x.p99).toFixed(2)}× (target p99 ≤ 1.5×)`);
}
