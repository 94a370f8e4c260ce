/**
 * The two servers the collaboration benchmark compares, started the same way so that neither
 * is favoured: a new process for every round (cold: no JIT code, caches or pools left from an
 * earlier round), the same environment overrides, a free loopback port, and used only once it
 * answers HTTP. Each is stopped with SIGTERM after its round.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { freePort, startServer } from "../tests/helpers/server";
import { createBoardInDb } from "../tests/helpers/seedBoards";

export type ServerKind = "chainboard" | "reference";

export interface CollabServer {
  wsUrl: string;
  room: string;
  token: string;
  stop(): Promise<void>;
}

export const SERVER_NAMES: Record<ServerKind, string> = {
  chainboard: "Chainboard (auth, durable commit)",
  reference: "@y/websocket-server 0.1.1 (memory only)",
};

/** A fresh server process of `kind` with `env` added to its environment, and a room to use. */
export function startCold(kind: ServerKind, env: Record<string, string>): Promise<CollabServer> {
  return kind === "chainboard" ? startChainboard(env) : startReference(env);
}

async function startChainboard(env: Record<string, string>): Promise<CollabServer> {
  const server = await startServer({ env });
  // Written to its database directly, as the reference needs no board: no API request warms
  // the process before the measurement.
  const board = await createBoardInDb(server.databaseUrl, "bench");
  return {
    wsUrl: server.wsUrl,
    room: board.id,
    token: board.editToken,
    async stop() {
      await server.stop();
    },
  };
}

async function startReference(env: Record<string, string>): Promise<CollabServer> {
  const port = await freePort();
  const script = path.join(import.meta.dirname, "..", "node_modules", "@y", "websocket-server", "src", "server.js");
  const proc = spawn(process.execPath, [script], { env: { ...process.env, NODE_ENV: "production", ...env, HOST: "127.0.0.1", PORT: String(port) }, stdio: "ignore" });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (proc.exitCode !== null || Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`the reference server did not start (exit ${proc.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    room: "bench",
    token: "unused",
    async stop() {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      await exited;
    },
  };
}
