/**
 * One websocket on one board: decodes y-websocket frames, enforces role and limits, and
 * hands valid messages to the room. Frames that arrive while the room is loading wait in
 * order (R-LOAD); nothing is answered before the load completes.
 *
 * R-SEND: what the server queues for a client is bounded. A client that does not read past
 * MAX_SEND_BUFFER_BYTES is dropped at once (4508), which frees what was queued for it. A
 * connection has at most one sync answer in flight: sync requests that arrive meanwhile are
 * coalesced into one answer sent once the first is written out, and more than
 * MAX_SYNC_REQUESTS in a burst (one more every 10 s) close the connection with 1013.
 */
import type { WebSocket } from "ws";
import * as decoding from "lib0/decoding";
import type { Logger } from "pino";
import { CloseCode, MessageType, SyncType } from "../../lib/collab/protocol";
import { DocumentTooLargeError, ServerMemoryFullError, type Room, type RoomConnection } from "./room";
import type { Role } from "../../lib/contracts/roles";
import { TooManyRoomsError, type RoomManager } from "./rooms";
import { BoardNotFoundError } from "./docStore";
import { awarenessMessage, awarenessMessages } from "./presence";
import { encodeAwarenessEntries } from "./awarenessFilter";
import { countClose, countLocalRelay, countReceived, countSent } from "../metrics/collabTraffic";

export interface ConnectionLimits {
  maxMessagesPerSecond: number;
  maxAwarenessBytes: number;
  maxSendBufferBytes: number;
  maxSyncRequests: number;
}

/** One more sync request is allowed every this many ms, up to MAX_SYNC_REQUESTS. */
const SYNC_REQUEST_REFILL_MS = 10_000;

export interface ConnectionContext {
  boardId: string;
  role: Role;
  /** Decided by the access hooks when the socket opened (R-VIEWER). */
  canWrite: boolean;
  tokenHash: string;
  /** Digest of the browser's presence key, or of link and address (R-AWARENESS-OWN). */
  claimKey: string;
  rooms: RoomManager;
  limits: ConnectionLimits;
  log: Logger;
}

/** A websocket ping goes out this often; a peer that has not answered the previous one is dropped. */
const PING_INTERVAL_MS = 30_000;
/**
 * Stock y-websocket clients close a socket that brought no message for 30 s. Someone alone on
 * a board with no presence of their own (a viewer who has not named themselves) receives
 * nothing, so the server sends an empty awareness update (a no-op for every client) to a
 * connection it has sent nothing for this long. Pings do not count: browsers answer them below
 * the page.
 */
export const KEEPALIVE_MS = 10_000;
const KEEPALIVE_MESSAGE = awarenessMessage(encodeAwarenessEntries([]));

class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class Connection implements RoomConnection {
  readonly awarenessIds = new Set<number>();
  readonly role: Role;
  readonly tokenHash: string;
  readonly claimKey: string;
  private room: Room | null = null;
  /** Frames that arrived while the room was loading, with when they arrived (relay lag counts the wait). */
  private queue: { frame: Uint8Array; at: number }[] = [];
  private closed = false;
  private tokens: number;
  private lastRefill = Date.now();
  private alive = true;
  private lastPingAt = Date.now();
  private lastSentAt = Date.now();
  private readonly heartbeat: NodeJS.Timeout;
  /** Messages of the sync answer in flight that are not written out yet. */
  private syncInFlight = 0;
  /** The newest sync request that arrived while an answer was in flight. */
  private syncWanted: Uint8Array | null = null;
  private syncTokens: number;
  private lastSyncRefill = Date.now();
  /** Writes a viewer attempted; kept for logs and tests. */
  droppedWrites = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly ctx: ConnectionContext,
  ) {
    this.role = ctx.role;
    this.tokenHash = ctx.tokenHash;
    this.claimKey = ctx.claimKey;
    this.tokens = ctx.limits.maxMessagesPerSecond;
    this.syncTokens = ctx.limits.maxSyncRequests;
    ws.binaryType = "nodebuffer";
    ws.on("message", (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on("close", () => this.onClose());
    ws.on("error", (err) => ctx.log.debug({ err, boardId: ctx.boardId }, "websocket error"));
    ws.on("pong", () => (this.alive = true));
    this.heartbeat = setInterval(() => this.beat(), KEEPALIVE_MS);
    this.heartbeat.unref();
    void this.join();
  }

  private async join(): Promise<void> {
    try {
      const room = await this.ctx.rooms.acquire(this.ctx.boardId);
      if (this.closed) return this.ctx.rooms.release(this.ctx.boardId);
      this.room = room;
      room.add(this);
      const queued = this.queue;
      this.queue = [];
      for (const { frame, at } of queued) if (!this.closed) this.handle(frame, at);
    } catch (err) {
      if (err instanceof TooManyRoomsError) return this.close(CloseCode.overloaded, "server holds too many boards");
      if (err instanceof BoardNotFoundError) return this.close(CloseCode.unauthorized, "board not found");
      this.ctx.log.error({ err, boardId: this.ctx.boardId }, "loading board failed");
      this.close(CloseCode.storageFailed, "board could not be loaded");
    }
  }

  /**
   * Keeps a quiet connection open for stock clients (KEEPALIVE_MS) and drops a peer that stopped
   * answering pings. The verdict waits for setImmediate, after the poll phase: when the event
   * loop was stalled longer than the ping interval (a large board loading, a busy machine), the
   * pong that arrived meanwhile is read first, instead of dropping every client at once.
   */
  private beat(): void {
    if (this.closed) return;
    const now = Date.now();
    if (now - this.lastSentAt >= KEEPALIVE_MS) this.send(KEEPALIVE_MESSAGE);
    if (now - this.lastPingAt < PING_INTERVAL_MS) return;
    setImmediate(() => {
      if (this.closed) return;
      if (!this.alive) {
        this.ctx.log.warn({ boardId: this.ctx.boardId }, "dropping a client that stopped answering pings");
        this.ws.terminate();
        return this.onClose();
      }
      this.alive = false;
      this.lastPingAt = Date.now();
      this.ws.ping();
    });
  }

  send(message: Uint8Array, written?: () => void): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.lastSentAt = Date.now();
    if (this.ws.bufferedAmount + message.length > this.ctx.limits.maxSendBufferBytes) return this.dropSlowReader();
    countSent(message);
    this.ws.send(message, { binary: true }, (err) => {
      if (err) return this.close(CloseCode.goingAway, "send failed");
      written?.();
    });
  }

  /**
   * R-SEND: the close frame would wait behind everything the client is not reading, so the
   * socket is destroyed at once; that is what frees the memory queued for it.
   */
  private dropSlowReader(): void {
    this.ctx.log.warn({ boardId: this.ctx.boardId, buffered: this.ws.bufferedAmount }, "dropping a client that does not read");
    countClose(CloseCode.sendBufferFull);
    this.ws.close(CloseCode.sendBufferFull, "send buffer full");
    this.ws.terminate();
    this.onClose();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ctx.log.info({ boardId: this.ctx.boardId, code, reason }, "closing a connection");
    countClose(code);
    this.ws.close(code, reason);
    this.onClose();
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 1000).unref();
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.room) {
      this.room.remove(this);
      this.ctx.rooms.release(this.ctx.boardId);
    }
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    this.alive = true;
    countReceived(data);
    if (!isBinary) return this.close(CloseCode.badMessage, "text frames are not part of the protocol");
    if (!this.takeToken()) {
      // Presence is ephemeral and stock clients echo it in bursts: drop the excess quietly.
      // Document messages are not dropped (that would lose edits): the socket is closed and
      // the client reconnects after its backoff.
      if (data[0] === MessageType.awareness) return;
      return this.close(CloseCode.rateLimited, "too many messages");
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!this.room) this.queue.push({ frame, at: performance.now() });
    else this.handle(frame);
  }

  private takeToken(): boolean {
    const now = Date.now();
    const rate = this.ctx.limits.maxMessagesPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private handle(frame: Uint8Array, arrivedAt = performance.now()): void {
    const room = this.room!;
    try {
      const d = decoding.createDecoder(frame);
      const type = decoding.readVarUint(d);
      switch (type) {
        case MessageType.sync:
          return this.handleSync(room, d, arrivedAt);
        case MessageType.awareness: {
          const update = decoding.readVarUint8Array(d);
          if (update.length > this.ctx.limits.maxAwarenessBytes) {
            throw new ProtocolError(CloseCode.awarenessRejected, "awareness state too large");
          }
          return room.applyAwareness(this, update);
        }
        case MessageType.queryAwareness: {
          const ids = room.awareness.getStates().keys();
          for (const m of awarenessMessages(room.awareness, ids, this.ctx.limits.maxAwarenessBytes)) this.send(m);
          return;
        }
        case MessageType.saveRequest:
          return room.requestSaved(this, decoding.readVarUint(d));
        default:
          throw new ProtocolError(CloseCode.badMessage, `unknown message type ${type}`);
      }
    } catch (err) {
      if (err instanceof ProtocolError) return this.close(err.code, err.message);
      if (err instanceof DocumentTooLargeError) return this.close(CloseCode.documentTooLarge, "document too large");
      if (err instanceof ServerMemoryFullError) return this.close(CloseCode.rateLimited, "server memory is full; retry later");
      this.ctx.log.debug({ err, boardId: this.ctx.boardId }, "malformed message");
      this.close(CloseCode.badMessage, "malformed message");
    }
  }

  private requestSync(room: Room, stateVector: Uint8Array): void {
    const now = Date.now();
    const max = this.ctx.limits.maxSyncRequests;
    this.syncTokens = Math.min(max, this.syncTokens + (now - this.lastSyncRefill) / SYNC_REQUEST_REFILL_MS);
    this.lastSyncRefill = now;
    if (this.syncTokens < 1) throw new ProtocolError(CloseCode.rateLimited, "too many sync requests");
    this.syncTokens -= 1;
    if (this.syncInFlight) {
      this.syncWanted = stateVector;
      return;
    }
    this.sendSync(room, stateVector);
  }

  private sendSync(room: Room, stateVector: Uint8Array): void {
    const messages = room.syncAnswer(stateVector);
    this.syncInFlight = messages.length;
    const written = () => {
      if (--this.syncInFlight > 0 || !this.syncWanted || this.closed) return;
      const next = this.syncWanted;
      this.syncWanted = null;
      try {
        this.sendSync(room, next);
      } catch {
        this.close(CloseCode.badMessage, "malformed sync request");
      }
    };
    for (const m of messages) this.send(m, written);
  }

  private handleSync(room: Room, d: decoding.Decoder, arrivedAt: number): void {
    const syncType = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (syncType === SyncType.step1) return this.requestSync(room, payload);
    if (syncType !== SyncType.step2 && syncType !== SyncType.update) {
      throw new ProtocolError(CloseCode.badMessage, `unknown sync message type ${syncType}`);
    }
    // R-VIEWER: a viewer's writes are dropped, never applied, stored or relayed.
    if (!this.ctx.canWrite) {
      this.droppedWrites++;
      return;
    }
    room.applyClientUpdate(this, payload);
    // Applying relays at once (R-COMMIT): what is measured is the wait and the work before it.
    countLocalRelay(arrivedAt);
  }
}
