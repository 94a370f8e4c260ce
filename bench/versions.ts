/**
 * Versions: the semantic diff of two 500-player boards (target: median under 10 ms), with
 * the cost of the eight-question analysis of one board (which the diff runs twice) as the
 * baseline measured in the same run; and saving a version of a 2,000-player board through
 * the real server and database, against creating a board of the same size as the baseline.
 */
import { diffBoards } from "../lib/valuechain/boardDiff";
import { analyzeBoard } from "../lib/valuechain/answers";
import { makeChannel, makePlayer, type Board } from "../lib/valuechain/model";
import { mulberry32 } from "../tests/helpers/random";
import { toBoardFile } from "../lib/valuechain/schema";
import { startServer } from "../tests/helpers/server";

/** A layered value chain: `players` players in 8 stages, each feeding 1–3 of the next stage. */
export function syntheticBoard(players: number, seed: number): Board {
  const random = mulberry32(seed);
  const stages = 8;
  const perStage = Math.ceil(players / stages);
  const ps = Array.from({ length: players }, (_, i) =>
    makePlayer({ id: `p${i}`, name: `Player ${i}`, kind: "distributor", x: Math.floor(i / perStage) * 320, y: (i % perStage) * 170, isUs: i === 0, customer: random() < 0.5 ? "yes" : "undecided", why: "volume" }),
  );
  const channels = [];
  for (let i = 0; i < players - perStage; i++) {
    const links = 1 + Math.floor(random() * 3);
    for (let k = 0; k < links; k++) {
      const to = Math.min(players - 1, (Math.floor(i / perStage) + 1) * perStage + Math.floor(random() * perStage));
      channels.push(makeChannel({ id: `c${i}-${k}`, from: `p${i}`, to: `p${to}`, flow: k === 2 ? "commercial" : "goods" }));
    }
  }
  return { title: `Synthetic ${players}`, players: ps, channels };
}

function mutate(board: Board, seed: number): Board {
  const random = mulberry32(seed);
  const players = board.players
    .filter(() => random() > 0.02)
    .map((p) => (random() < 0.05 ? { ...p, name: `${p.name}*` } : random() < 0.05 ? { ...p, x: p.x + 50 } : p));
  const ids = new Set(players.map((p) => p.id));
  const added = Array.from({ length: 10 }, (_, i) => makePlayer({ id: `new${i}`, name: `New ${i}`, kind: "retailer" }));
  return { ...board, players: [...players, ...added], channels: board.channels.filter((c) => ids.has(c.from) && ids.has(c.to)) };
}

function timeMedian(fn: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function benchVersions(): Promise<void> {
  console.log("\n## Versions");
  const a = syntheticBoard(500, 1);
  const b = mutate(a, 2);
  const diffMs = timeMedian(() => diffBoards(a, b), 30);
  const analysisMs = timeMedian(() => analyzeBoard(a), 30);
  console.log(`diff of two 500-player boards (${a.channels.length} channels): median ${diffMs.toFixed(2)} ms (target < 10 ms); baseline analyzeBoard of one: ${analysisMs.toFixed(2)} ms; ratio ${(diffMs / analysisMs).toFixed(2)}×`);

  const big = toBoardFile(syntheticBoard(2000, 3));
  const server = await startServer({ env: { LOG_LEVEL: "error" } });
  try {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const created = await (await post("/api/boards/import", big)).json();
    const saveTimes: number[] = [];
    const importTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      const res = await post(`/api/boards/${created.id}/versions`, { name: `v${i}` }, created.editToken);
      if (res.status !== 201) throw new Error(`save failed: ${res.status}`);
      saveTimes.push(performance.now() - t);
      t = performance.now();
      await post("/api/boards/import", big);
      importTimes.push(performance.now() - t);
    }
    const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    console.log(
      `save a version of a 2,000-player board (${big.channels.length} channels) over HTTP: median ${med(saveTimes).toFixed(1)} ms; ` +
        `baseline import of the same board: ${med(importTimes).toFixed(1)} ms; ratio ${(med(saveTimes) / med(importTimes)).toFixed(2)}×`,
    );
  } finally {
    await server.stop();
  }
}
