/**
 * The servers the collaboration benchmark compares, each started cold (a new process, nothing
 * warmed by an earlier run) on a free loopback port:
 * - Chainboard on its embedded default (SQLite, synchronous=FULL), authenticating every socket;
 * - two Chainboard processes on one PostgreSQL and one Redis (scenario e);
 * - the reference `@y/websocket-server` (in memory, no auth);
 * - a raw `ws` relay (rawRelay.ts): the floor, no document at all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { freePort, startServer, type RunningServer } from "../../tests/helpers/server";
import { seedBoards } from "../../tests/helpers/seedBoards";
import { storeSnapshot } from "../../tests/helpers/load";
import { createTestDatabase } from "../../tests/helpers/postgres";

export type ServerKind = "chainboard" | "reference" | "raw" | "chainboard×2";

export const SERVER_NAMES: Record<ServerKind, string> = {
  chainboard: "Chainboard (auth, SAVED after durable commit, SQLite)",
  reference: "@y/websocket-server 0.1.1 (memory only, no auth)",
  raw: "raw ws broadcast relay (floor)",
  "chainboard×2": "Chainboard ×2 processes (PostgreSQL + Redis)",
};

export interface BoardRef {
  room: string;
  token: string;
}

export interface BenchServer {
  kind: ServerKind;
  /** Whether the server answers a client's sync step 1 (the raw relay does not). */
  syncs: boolean;
  /** The websocket address for a board; `i` picks the process when there are several. */
  url(board: BoardRef, i: number): string;
  /** `count` boards to use (Chainboard: rows in its database; the others: room names). */
  boards(count: number): Promise<BoardRef[]>;
  /** Stores `state` as a board's content before anyone joins (Chainboard only). */
  seed?(board: BoardRef, state: Uint8Array): Promise<void>;
  pids: number[];
  stop(): Promise<void>;
}

/**
 * Limits that would refuse the benchmark's own load (thousands of sockets and boards from one
 * loopback address, writers far faster than people). Given to every server alike.
 */
export const BENCH_ENV: Record<string, string> = {
  LOG_LEVEL: "error",
  MAX_CONNECTIONS_PER_ADDRESS: "100000",
  MAX_BOARDS_PER_ADDRESS: "100000",
  MAX_CONNECTIONS_PER_TOKEN: "100000",
  MAX_MESSAGES_PER_SECOND: "100000",
  RATE_AUTH_FAILURES_PER_MINUTE: "0",
};

const named = (count: number): BoardRef[] => Array.from({ length: count }, (_, i) => ({ room: `bench-${i}`, token: "" }));

function chainboardBoards(server: RunningServer) {
  return async (count: number) => (await seedBoards(server.databaseUrl, count, "bench")).map((b) => ({ room: b.id, token: b.editToken }));
}

export async function startChainboard(): Promise<BenchServer> {
  const server = await startServer({ env: BENCH_ENV });
  return {
    kind: "chainboard",
    syncs: true,
    url: (b) => `${server.wsUrl}/${b.room}?t=${b.token}`,
    boards: chainboardBoards(server),
    seed: (b, state) => storeSnapshot(server.databaseUrl, b.room, state),
    pids: [server.proc.pid!],
    async stop() {
      await server.stop();
    },
  };
}

export async function startChainboardPair(): Promise<BenchServer> {
  const database = await createTestDatabase();
  const env = { ...BENCH_ENV, REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", REDIS_CHANNEL_PREFIX: `chainboard-bench-${process.pid}-${Date.now()}:` };
  const servers = await Promise.all([startServer({ databaseUrl: database.url, env }), startServer({ databaseUrl: database.url, env })]);
  return {
    kind: "chainboard×2",
    syncs: true,
    url: (b, i) => `${servers[i % 2].wsUrl}/${b.room}?t=${b.token}`,
    boards: chainboardBoards(servers[0]),
    pids: servers.map((s) => s.proc.pid!),
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await database.drop();
    },
  };
}

async function startChild(args: string[], port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, args, { env: { ...process.env, NODE_ENV: "production", ...BENCH_ENV, HOST: "127.0.0.1", PORT: String(port) }, stdio: "ignore" });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (up) return proc;
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`${args.join(" ")} did not start (exit ${proc.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function childServer(kind: ServerKind, syncs: boolean, proc: ChildProcess, port: number): BenchServer {
  const exited = new Promise<void>((resolve) => (proc.exitCode !== null ? resolve() : proc.once("exit", () => resolve())));
  return {
    kind,
    syncs,
    url: (b) => `ws://127.0.0.1:${port}/${b.room}`,
    boards: async (count) => named(count),
    pids: [proc.pid!],
    async stop() {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      await exited;
    },
  };
}

export async function startReference(): Promise<BenchServer> {
  const port = await freePort();
  const script = path.join(import.meta.dirname, "..", "..", "node_modules", "@y", "websocket-server", "src", "server.js");
  return childServer("reference", true, await startChild([script], port), port);
}

export async function startRaw(): Promise<BenchServer> {
  const port = await freePort();
  return childServer("raw", false, await startChild(["--import", "tsx", path.join(import.meta.dirname, "rawRelay.ts")], port), port);
}

export function startCold(kind: ServerKind): Promise<BenchServer> {
  switch (kind) {
    case "chainboard":
      return startChainboard();
    case "chainboard×2":
      return startChainboardPair();
    case "reference":
      return startReference();
    case "raw":
      return startRaw();
  }
}
