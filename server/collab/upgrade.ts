/**
 * Websocket upgrades on /collab/{boardId}?t={token}&k={browser key}. Authentication and the
 * Origin check happen here, before the handshake completes (R-AUTH): a bad or missing token
 * gets an HTTP 401, a foreign browser Origin a 403, and no websocket is ever opened for them.
 * The optional browser key only decides who may re-claim presence ids (R-AWARENESS-OWN).
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Logger } from "pino";
import { Connection, type ConnectionLimits } from "./connection";
import type { AccessHooks } from "./hooks";
import type { RoomManager } from "./rooms";
import { Admission, clientAddress, type AdmissionLimits } from "./admission";
import { presenceClaimKey } from "./presence";
import type { Limit, Refusal } from "../limits/limit";
import { CloseCode } from "../../lib/collab/protocol";

export const COLLAB_PREFIX = "/collab/";

export interface CollabOptions {
  /** Who may connect and write (server/boards/collabAccess.ts in the app). */
  access: AccessHooks;
  rooms: RoomManager;
  log: Logger;
  allowedOrigins: string[];
  maxMessageBytes: number;
  limits: ConnectionLimits & AdmissionLimits;
  tokenRecheckMs: number;
  trustProxy: boolean;
  /** Wrong tokens per client address (shared with the API and the board page). */
  authFailures: Limit;
}

export interface Collab {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Live connections, for rotation and shutdown. */
  connections: Set<Connection>;
  /** Closes (4401) every connection that authenticated with one of these token digests. */
  closeTokens(tokenHashes: Iterable<string>): number;
  close(): void;
}

export function originAllowed(origin: string | undefined, host: string | undefined, allowlist: string[]): boolean {
  if (!origin) return true; // non-browser clients send none; the token still applies
  if (allowlist.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, text: string, headers = "", body = text): void {
  const bytes = Buffer.byteLength(body);
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${headers}Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${bytes}\r\n\r\n${body}`);
}

/** A rate-limit refusal before the handshake: 429, Retry-After, the limit in the body. */
function tooMany(socket: Duplex, refusal: Refusal): void {
  refuse(socket, 429, "Too Many Requests", `Retry-After: ${refusal.retryAfter}\r\n`, refusal.message);
}

/** How long a client refused for its address or link is asked to wait. */
const ADMISSION_RETRY_SECONDS = 30;

export function createCollab(opts: CollabOptions): Collab {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes, perMessageDeflate: false });
  const connections = new Set<Connection>();
  const admission = new Admission(opts.limits);

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const boardId = decodeURIComponent(url.pathname.slice(COLLAB_PREFIX.length));
    if (!originAllowed(req.headers.origin, req.headers.host, opts.allowedOrigins)) return refuse(socket, 403, "Forbidden");
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    const address = clientAddress(req, opts.trustProxy);
    // Guessing tokens is bounded per address (RATE_AUTH_FAILURES_PER_MINUTE, shared with the API):
    // a blocked address is refused before its token is looked at, right or wrong.
    const blocked = await opts.authFailures.refused(address);
    if (blocked) return tooMany(socket, blocked);
    const access = await opts.access.authenticate(boardId, url.searchParams.get("t") ?? bearer ?? null);
    if (!access) {
      const refusal = await opts.authFailures.take(address);
      return refusal ? tooMany(socket, refusal) : refuse(socket, 401, "Unauthorized");
    }
    if (socket.destroyed) return;
    const refusal = admission.refusal(address, access.tokenHash, access.boardId);
    if (refusal) {
      opts.log.warn({ boardId: access.boardId, address, refusal }, "websocket refused");
      return refuse(socket, 429, "Too Many Requests", `Retry-After: ${ADMISSION_RETRY_SECONDS}\r\n`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const release = admission.add(address, access.tokenHash, access.boardId);
      const claimKey = presenceClaimKey(url.searchParams.get("k"), access.tokenHash, address);
      const conn = new Connection(ws, { ...access, canWrite: opts.access.canWrite(access), claimKey, rooms: opts.rooms, limits: opts.limits, log: opts.log });
      connections.add(conn);
      ws.on("close", () => {
        connections.delete(conn);
        release();
      });
    });
  }

  function closeTokens(tokenHashes: Iterable<string>): number {
    const revoked = new Set(tokenHashes);
    let closed = 0;
    for (const conn of connections) {
      if (!revoked.has(conn.tokenHash)) continue;
      conn.close(CloseCode.unauthorized, "link was replaced");
      connections.delete(conn);
      closed++;
    }
    return closed;
  }

  // R-REVOKE: tokens revoked elsewhere (another process, a direct database change) are caught
  // by a periodic check of the digests still in use, so no revoked link outlives it.
  const recheck = setInterval(() => {
    const inUse = [...new Set([...connections].map((c) => c.tokenHash))];
    if (!inUse.length) return;
    opts.access
      .revoked(inUse)
      .then((revoked) => revoked.length && closeTokens(revoked))
      .catch((err) => opts.log.warn({ err }, "token re-check failed"));
  }, opts.tokenRecheckMs);
  recheck.unref();

  return {
    connections,
    closeTokens,
    handleUpgrade(req, socket, head) {
      socket.on("error", () => socket.destroy());
      upgrade(req, socket, head).catch((err) => {
        opts.log.error({ err }, "websocket upgrade failed");
        if (!socket.destroyed) refuse(socket, 500, "Internal Server Error");
      });
    },
    close() {
      clearInterval(recheck);
      wss.close();
    },
  };
}
