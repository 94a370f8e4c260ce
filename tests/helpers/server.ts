/**
 * Starts the real Chainboard server as a child process on a free port, with its own
 * database, so tests can restart it, SIGTERM it or SIGKILL it like production.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..", "..");

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  databaseUrl: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

/** Servers this test process started and has not seen exit: the browser tests attach their logs to a failure. */
export const runningServers = new Set<RunningServer>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export function tempSqliteUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "chainboard-test-")), "board.db")}`;
}

export async function startServer(opts: { databaseUrl?: string; port?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const databaseUrl = opts.databaseUrl ?? tempSqliteUrl();
  let out = "";
  const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.TEST_SERVER_LOG_LEVEL ?? "warn",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`server did not become healthy within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const server: RunningServer = {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    databaseUrl,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      return exited;
    },
    async kill() {
      if (proc.exitCode === null) proc.kill("SIGKILL");
      await exited;
    },
  };
  runningServers.add(server);
  void exited.then(() => runningServers.delete(server));
  return server;
}
