/**
 * R-ADMIT: no single client address or link can hold the server's capacity. Connections are
 * counted per address (IPv6 by its /64, which one machine usually owns whole) and per token,
 * and the distinct boards an address holds open are bounded, so that one source cannot load
 * every board the process can hold. Past a limit the upgrade is refused with HTTP 429 and
 * Retry-After, before any websocket exists.
 */
import type { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";

export interface AdmissionLimits {
  maxConnectionsPerAddress: number;
  maxBoardsPerAddress: number;
  maxConnectionsPerToken: number;
}

/** The client's address as counted: behind a trusted proxy, the last X-Forwarded-For hop. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  return addressKey(peerAddress(req, trustProxy));
}

/** The same address whole (an IPv6 one not widened to its /64), for checks of where it is. */
export function peerAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",").pop()?.trim() : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

export function addressKey(address: string): string {
  const v4 = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (v4) return v4[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail = ""] = address.split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const fill = address.includes("::") ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...fill, ...right].map((h) => h.toLowerCase().replace(/^0+(?=.)/, ""));
}

export class Admission {
  /** address → board → open connections */
  private readonly byAddress = new Map<string, Map<string, number>>();
  private readonly byToken = new Map<string, number>();

  constructor(private readonly limits: AdmissionLimits) {}

  /** Why this connection may not open now, or null when it may. */
  refusal(address: string, tokenHash: string, boardId: string): string | null {
    const boards = this.byAddress.get(address);
    const connections = boards ? [...boards.values()].reduce((a, b) => a + b, 0) : 0;
    if (connections >= this.limits.maxConnectionsPerAddress) return "too many connections from this address";
    if (boards && !boards.has(boardId) && boards.size >= this.limits.maxBoardsPerAddress) return "too many boards open from this address";
    if ((this.byToken.get(tokenHash) ?? 0) >= this.limits.maxConnectionsPerToken) return "too many connections with this link";
    return null;
  }

  /** Counts an open connection; call the returned function once when it closes. */
  add(address: string, tokenHash: string, boardId: string): () => void {
    const boards = this.byAddress.get(address) ?? new Map<string, number>();
    this.byAddress.set(address, boards);
    boards.set(boardId, (boards.get(boardId) ?? 0) + 1);
    this.byToken.set(tokenHash, (this.byToken.get(tokenHash) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (boards.get(boardId) ?? 1) - 1;
      if (left) boards.set(boardId, left);
      else boards.delete(boardId);
      if (!boards.size) this.byAddress.delete(address);
      const tokenLeft = (this.byToken.get(tokenHash) ?? 1) - 1;
      if (tokenLeft) this.byToken.set(tokenHash, tokenLeft);
      else this.byToken.delete(tokenHash);
    };
  }
}
