/**
 * A bare `ws` socket on /collab/{boardId}: sends any bytes, records what comes back, and can
 * probe whether the server still listens (SAVE_REQUEST → SAVED, R-SAVED) or closed it.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

import { encodeSaveRequest, MessageType, SyncType } from "../../lib/collab/protocol";
import { awarenessFrame, syncFrame } from "../../lib/collab/protocol";

export { awarenessFrame, syncFrame };

export interface Closed {
  code: number;
  reason: string;
  at: number;
}

export class RawSocket {
  readonly received: Uint8Array[] = [];
  closed: Closed | null = null;
  /** Frames sent by `send` (not counting probes). */
  sent = 0;
  private listeners = new Set<() => void>();
  private nextProbe = 1_000_000;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: WebSocket.RawData) => {
      this.received.push(new Uint8Array(data as Buffer));
      this.notify();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString(), at: performance.now() };
      this.notify();
    });
    ws.on("error", () => {});
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, headers: Record<string, string> = {}, options: WebSocket.ClientOptions = {}): Promise<RawSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, perMessageDeflate: false, ...options });
      const sock = new RawSocket(ws);
      ws.once("open", () => resolve(sock));
      ws.once("unexpected-response", (_req, res) => {
        reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
        ws.terminate();
      });
      ws.once("error", (err) => reject(err));
    });
  }

  send(frame: Uint8Array): void {
    this.sent++;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** Resolves with the first received frame (from index `from`) that satisfies `match`, or null on close/timeout. */
  waitFor(match: (frame: Uint8Array) => boolean, timeoutMs: number, from = 0): Promise<Uint8Array | null> {
    return new Promise((resolve) => {
      let i = from;
      const check = () => {
        for (; i < this.received.length; i++) {
          if (match(this.received[i])) return done(this.received[i]);
        }
        if (this.closed) done(null);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      const done = (frame: Uint8Array | null) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(frame);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Resolves once the server closed the socket (or after `timeoutMs`, with null). */
  async waitClosed(timeoutMs: number): Promise<Closed | null> {
    await this.waitFor(() => false, timeoutMs);
    return this.closed;
  }

  /**
   * Asks whether the server still reads this socket, independently of R-SAVED: sets this
   * socket's own awareness state (id `awarenessId`, claimed by `claimAwareness`) to a unique
   * marker, then queries awareness, which the server answers at once with every state. The
   * marker in that answer proves the server processed every earlier frame and kept the socket.
   * "answered": it did; "closed": it closed the socket; "silent": neither within `timeoutMs`.
   */
  async probeAwareness(awarenessId: number, timeoutMs: number): Promise<"answered" | "closed" | "silent"> {
    if (this.closed) return "closed";
    const clock = ++this.probeClock;
    const marker = `{"probe":"${awarenessId}-${clock}"}`;
    const from = this.received.length;
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(awarenessFrame(awarenessUpdate([{ clientId: awarenessId, clock, state: marker }])));
      this.ws.send(Uint8Array.from([MessageType.queryAwareness]));
    }
    const needle = Buffer.from(marker);
    const frame = await this.waitFor((f) => f[0] === MessageType.awareness && Buffer.from(f.buffer, f.byteOffset, f.byteLength).includes(needle), timeoutMs, from);
    if (frame) return "answered";
    return this.closed ? "closed" : "silent";
  }

  private probeClock = 0;

  /** Sets this socket's awareness id `awarenessId` (claims it) without waiting for the relay. */
  claimAwareness(awarenessId: number): void {
    const clock = ++this.probeClock;
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(awarenessFrame(awarenessUpdate([{ clientId: awarenessId, clock, state: `{"probe":"${awarenessId}-${clock}"}` }])));
    }
  }

  /**
   * Asks the server for SAVED: "answered" means it still reads this socket, "closed" that it
   * closed it, "silent" that it did neither within `timeoutMs`.
   */
  async probe(timeoutMs: number): Promise<"answered" | "closed" | "silent"> {
    if (this.closed) return "closed";
    const id = this.nextProbe++;
    const from = this.received.length;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encodeSaveRequest(id));
    const frame = await this.waitFor((f) => isSaved(f, id), timeoutMs, from);
    if (frame) return "answered";
    return this.closed ? "closed" : "silent";
  }

  /**
   * A proper y-websocket handshake: answers the server's sync step 1 with an (empty) step 2,
   * sends its own step 1 and applies the server's step 2. Resolves true, or throws saying
   * which step failed.
   */
  async handshake(doc: Y.Doc = new Y.Doc(), timeoutMs = 5000): Promise<true> {
    const step1 = await this.waitFor((f) => syncTypeOf(f) === SyncType.step1, timeoutMs);
    if (!step1) throw new Error(`no sync step 1 from the server (${this.closed ? `closed ${this.closed.code}` : "timeout"})`);
    this.ws.send(syncFrame(SyncType.step2, Y.encodeStateAsUpdate(doc, syncPayload(step1))));
    const from = this.received.length;
    this.ws.send(syncFrame(SyncType.step1, Y.encodeStateVector(doc)));
    const step2 = await this.waitFor((f) => syncTypeOf(f) === SyncType.step2, timeoutMs, from);
    if (!step2) throw new Error(`no sync step 2 from the server (${this.closed ? `closed ${this.closed.code} ${this.closed.reason}` : "timeout"})`);
    try {
      Y.applyUpdate(doc, syncPayload(step2));
    } catch (err) {
      throw new Error(`the server's sync step 2 does not apply: ${err instanceof Error ? err.message : String(err)}; ${Buffer.from(syncPayload(step2)).toString("hex").slice(0, 400)}`);
    }
    return true;
  }

  terminate(): void {
    this.ws.terminate();
  }

  /** Stops reading from the TCP socket, as a client that never reads would. */
  stopReading(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}


/** An awareness update of raw entries (the state is a JSON string, or "null"). */
export function awarenessUpdate(entries: { clientId: number; clock: number; state: string }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
}

export function syncTypeOf(frame: Uint8Array): number | null {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.sync) return null;
    return decoding.readVarUint(d);
  } catch {
    return null;
  }
}

export function syncPayload(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}

export function isSaved(frame: Uint8Array, id?: number): boolean {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.saved) return false;
    return id === undefined || decoding.readVarUint(d) === id;
  } catch {
    return false;
  }
}


