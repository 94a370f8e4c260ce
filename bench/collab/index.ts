/**
 * `npm run bench -- collab`: the collaboration engine against the reference y-websocket server
 * and a raw relay, in one run, every server started cold for every scenario and round, the order
 * of servers alternating per round. Figures are medians over BENCH_ROUNDS rounds; nothing is
 * asserted (docs: bench/RESULTS.md holds one full run).
 *
 *   a  1 board, 2 clients, 500 updates at 100/s
 *   b  1 board, 50 clients, 5 writers × 200 at 20/s
 *   c  100 boards × 5 clients, 1 writer × 50 at 5/s
 *   d  a new client joining a board of 2,000 players: time to hold the whole board
 *   e  scenario b with the 50 clients split over two Chainboard processes (PostgreSQL + Redis)
 *   f  scenario c with 100, 200 and 400 boards: p99 and server CPU as the load doubles
 */
import os from "node:os";
import { median } from "../stats";
import { runJoin, runLatency, type JoinMeasured, type LatencyScenario, type Measured } from "./scenarios";
import { SERVER_NAMES, startCold, type BenchServer, type ServerKind } from "./servers";

const A: LatencyScenario = { boards: 1, clientsPerBoard: 2, writersPerBoard: 1, updates: 500, rateHz: 100 };
const B: LatencyScenario = { boards: 1, clientsPerBoard: 50, writersPerBoard: 5, updates: 200, rateHz: 20 };
const C: LatencyScenario = { boards: 100, clientsPerBoard: 5, writersPerBoard: 1, updates: 50, rateHz: 5 };
const JOIN_PLAYERS = 2000;
const JOINS = 5;
const CAPACITY_BOARDS = [100, 200, 400];

async function withServer<T>(kind: ServerKind, run: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startCold(kind);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** Runs `measure` on each server `rounds` times, alternating which goes first. */
async function rounds<T>(kinds: ServerKind[], count: number, measure: (server: BenchServer) => Promise<T>): Promise<Map<ServerKind, T[]>> {
  const results = new Map<ServerKind, T[]>(kinds.map((k) => [k, []]));
  for (let r = 0; r < count; r++) {
    const order = r % 2 === 0 ? kinds : [...kinds].reverse();
    for (const kind of order) results.get(kind)!.push(await withServer(kind, measure));
  }
  return results;
}

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "—");

function summarize(rs: Measured[]): Measured {
  return {
    delivered: median(rs.map((x) => x.delivered)),
    expected: rs[0].expected,
    p50: median(rs.map((x) => x.p50)),
    p99: median(rs.map((x) => x.p99)),
    cpu: median(rs.map((x) => x.cpu)),
    rssMB: median(rs.map((x) => x.rssMB)),
  };
}

function latencyTable(title: string, results: Map<ServerKind, Measured[]>): Map<ServerKind, Measured> {
  const summary = new Map([...results].map(([kind, rs]) => [kind, summarize(rs)]));
  console.log(`\n### ${title}\n`);
  console.log("| server | delivered/expected (worst round) | p50 ms | p99 ms | server CPU s | peak RSS MB |\n|---|---|---|---|---|---|");
  for (const [kind, m] of summary) {
    const worst = Math.min(...results.get(kind)!.map((x) => x.delivered));
    console.log(`| ${SERVER_NAMES[kind]} | ${worst}/${m.expected} | ${fixed(m.p50, 2)} | ${fixed(m.p99, 2)} | ${fixed(m.cpu, 2)} | ${fixed(m.rssMB, 0)} |`);
  }
  const cb = summary.get("chainboard");
  const ref = summary.get("reference");
  const raw = summary.get("raw");
  if (cb && ref) {
    let line = `\nChainboard / reference: p50 ${fixed(cb.p50 / ref.p50, 2)}×, p99 ${fixed(cb.p99 / ref.p99, 2)}×, CPU ${fixed(cb.cpu / ref.cpu, 2)}×`;
    if (raw) line += `; Chainboard / raw relay: p50 ${fixed(cb.p50 / raw.p50, 2)}×, p99 ${fixed(cb.p99 / raw.p99, 2)}×`;
    console.log(line);
  }
  return summary;
}

function joinTable(results: Map<ServerKind, JoinMeasured[]>): void {
  console.log(`\n### d: a new client joins a board of ${JOIN_PLAYERS.toLocaleString("en")} players (${JOINS} joins per round)\n`);
  console.log("| server | complete joins (worst round) | median ms | slowest ms | server CPU s | peak RSS MB |\n|---|---|---|---|---|---|");
  const med = new Map<ServerKind, number>();
  for (const [kind, rs] of results) {
    med.set(kind, median(rs.map((x) => x.median)));
    console.log(
      `| ${SERVER_NAMES[kind]} | ${Math.min(...rs.map((x) => x.complete))}/${JOINS} | ${fixed(med.get(kind)!)} | ${fixed(median(rs.map((x) => x.max)))} | ${fixed(median(rs.map((x) => x.cpu)), 2)} | ${fixed(median(rs.map((x) => x.rssMB)), 0)} |`,
    );
  }
  console.log(`| ${SERVER_NAMES.raw} | n/a: it holds no board | | | | |`);
  console.log(`\nChainboard / reference: median ${fixed(med.get("chainboard")! / med.get("reference")!, 2)}×`);
}

export function machineLine(): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  return `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${load}`;
}

export async function benchCollab(roundCount = 3): Promise<void> {
  console.log(`\n## Collaboration engine (${roundCount} rounds, medians; every server cold for every scenario and round, order alternating)`);
  console.log(`machine: ${machineLine()}`);
  console.log("clients: one light y-websocket client per socket (bench/collab/lightClient.ts), the same for every server, in the bench process; each server in its own process");
  const three: ServerKind[] = ["chainboard", "reference", "raw"];
  latencyTable("a: 1 board, 2 clients, 500 updates at 100/s", await rounds(three, roundCount, (s) => runLatency(s, A)));
  const b = latencyTable("b: 1 board, 50 clients, 5 writers × 200 updates at 20/s", await rounds(three, roundCount, (s) => runLatency(s, B)));
  latencyTable("c: 100 boards × 5 clients, 1 writer × 50 updates at 5/s", await rounds(three, roundCount, (s) => runLatency(s, C)));
  joinTable(await rounds(["chainboard", "reference"], roundCount, (s) => runJoin(s, JOIN_PLAYERS, JOINS)));

  const e = latencyTable("e: scenario b, the 50 clients split over two Chainboard processes (PostgreSQL + Redis)", await rounds(["chainboard×2"], roundCount, (s) => runLatency(s, B)));
  const two = e.get("chainboard×2")!;
  const one = b.get("chainboard")!;
  console.log(`\ntwo processes / one process (b): p50 ${fixed(two.p50 / one.p50, 2)}×, p99 ${fixed(two.p99 / one.p99, 2)}× (target p99 under 2×)`);

  console.log("\n### f: capacity, scenario c with 100, 200 and 400 boards\n");
  console.log("| boards | server | delivered/expected | p50 ms | p99 ms | server CPU s | peak RSS MB |\n|---|---|---|---|---|---|---|");
  const growth = new Map<ServerKind, Measured[]>([
    ["chainboard", []],
    ["reference", []],
  ]);
  for (const boards of CAPACITY_BOARDS) {
    const results = await rounds(["chainboard", "reference"], roundCount, (s) => runLatency(s, { ...C, boards }));
    for (const [kind, rs] of results) {
      const m = summarize(rs);
      growth.get(kind)!.push(m);
      console.log(`| ${boards} | ${SERVER_NAMES[kind]} | ${Math.min(...rs.map((x) => x.delivered))}/${m.expected} | ${fixed(m.p50, 2)} | ${fixed(m.p99, 2)} | ${fixed(m.cpu, 2)} | ${fixed(m.rssMB, 0)} |`);
    }
  }
  for (const [kind, ms] of growth) {
    const steps = ms.slice(1).map((m, i) => `p99 ×${fixed(m.p99 / ms[i].p99, 2)}, CPU ×${fixed(m.cpu / ms[i].cpu, 2)}`);
    console.log(`\n${SERVER_NAMES[kind]} as boards double (100→200, 200→400): ${steps.join("; ")}`);
  }
}
