/**
 * Draining a process on SIGTERM (R-SHUTDOWN), in an order that loses nothing acknowledged and
 * sends every client elsewhere:
 *
 *   1. stop accepting: the listening socket closes, /healthz answers 503 so a load balancer
 *      takes the process out, and upgrades still arriving on open connections get 503 with
 *      Retry-After;
 *   2. commit what is pending, so every client hears SAVED for what it sent;
 *   3. close every websocket with 1001, which stock y-websocket clients answer by reconnecting
 *      (through the balancer, to another process); a connection that completed its handshake
 *      meanwhile is closed too;
 *   4. commit again whatever arrived between 2 and 3, then close the database and Redis.
 *
 * A step that fails is logged and the next one still runs; the exit code says whether all
 * went well. A drain that takes longer than DRAIN_DEADLINE_MS (a database that stopped
 * answering) exits anyway, before an orchestrator's SIGKILL would.
 */
import type { Duplex } from "node:stream";
import type { Logger } from "pino";

/** Below Docker's and Kubernetes' usual grace period once raised to 30 s (see docker-compose.yml). */
export const DRAIN_DEADLINE_MS = 25_000;
/** A client that never answers the close handshake is cut off after 1 s (Connection.close); this is the margin. */
const CLOSE_WAIT_MS = 3000;
/** What a refused client is asked to wait: by then the balancer routes it elsewhere. */
export const DRAIN_RETRY_AFTER_SECONDS = 2;

export interface DrainSteps {
  stopAccepting(): void;
  commitPending(): Promise<void>;
  closeConnections(): Promise<void>;
  closeStores(): Promise<void>;
}

export class Drain {
  private started = false;

  /** True from the moment a drain begins: new work is refused. */
  get active(): boolean {
    return this.started;
  }

  /** Runs the steps once (later calls resolve at once) and says whether every step succeeded. */
  async run(steps: DrainSteps, log: Logger): Promise<boolean> {
    if (this.started) return true;
    this.started = true;
    let clean = true;
    const attempt = async (name: string, step: () => unknown) => {
      try {
        await step();
      } catch (err) {
        clean = false;
        log.error({ err, step: name }, "shutdown step failed");
      }
    };
    await attempt("stop accepting", steps.stopAccepting);
    await attempt("commit pending updates", steps.commitPending);
    await attempt("close connections", steps.closeConnections);
    await attempt("commit late updates", steps.commitPending);
    await attempt("close stores", steps.closeStores);
    return clean;
  }
}

interface Closable {
  close(code: number, reason: string): void;
}

/**
 * Closes every connection in the live set (it shrinks as sockets finish closing) until it is
 * empty or `timeoutMs` passed; connections that join meanwhile are closed on the next round.
 */
export async function closeEvery(live: Set<Closable>, code: number, reason: string, timeoutMs = CLOSE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (live.size && Date.now() < deadline) {
    for (const conn of live) conn.close(code, reason);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A websocket upgrade during a drain: 503, try again (it will reach another process). */
export function refuseUpgradeWhileDraining(socket: Duplex): void {
  const body = "server shutting down";
  socket.end(
    `HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: ${DRAIN_RETRY_AFTER_SECONDS}\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export const DRAINING_HEALTH = { ok: false, error: { code: "shutting_down", message: "The server is shutting down." } };
