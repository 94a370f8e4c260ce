/**
 * Several processes, one service (docs/SPEC.md R-FANOUT). With REDIS_URL set, every board a
 * process holds has a Redis pub/sub channel; the process subscribes while it holds the board
 * and publishes there what its own connections change: document updates (at once, beside their
 * commit), presence, and which of its updates are committed. Plugged into the rooms as hooks.
 *
 * Pub/sub delivers at most once, so nothing depends on a message arriving:
 * - a process that loads a board subscribes first, then reads the database, then asks the
 *   holders (hello) for what it still lacks: nothing is missed between load and subscribe;
 * - a process that reconnects to Redis asks again for every board it holds;
 * - an update relayed from another process that is not reported committed within ORPHAN_MS
 *   (its process died between relay and commit) is committed here. Committing an update twice
 *   is harmless: replaying a Yjs update changes nothing.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { RoomHooks, UpdateOrigin } from "../collab/hooks";
import type { Room } from "../collab/room";
import type { CommitPipeline, CommitSource } from "../collab/commitPipeline";
import { decodeAwarenessUpdate } from "../collab/awarenessFilter";
import { FanoutKind, decodeFanout, encodeFanout, type FanoutMessage } from "./fanoutMessages";

export interface FanoutObserver {
  /** Seconds from the sender's publish to this process's relay of an update. */
  relayLag?(seconds: number): void;
  redisRoundTrip?(seconds: number): void;
  redisError?(): void;
}

export interface FanoutOptions {
  redisUrl: string;
  /** Prefix of the channel names (RATE_KEY_PREFIX's sibling: several deployments, one Redis). */
  prefix: string;
  pipeline: CommitPipeline;
  log: Logger;
  /** How long an update relayed from another process may stay unreported before it is committed here. */
  orphanMs?: number;
  observe?: FanoutObserver;
}

interface Relayed {
  /** The sender's number for it. */
  seq: number;
  /** The room's number for it (Room.applyRemoteUpdate). */
  local: number;
  update: Uint8Array;
  at: number;
}

interface BoardLink {
  room: Room | null;
  /** Messages that arrived between subscribe and the end of the load, in order. */
  early: FanoutMessage[];
  /** Sequence numbers of this process's published updates, oldest first, until committed. */
  published: number[];
  /** Presence ids that belong to other processes' connections. */
  remoteIds: Set<number>;
  /** Updates relayed from each other process and not reported committed yet. */
  unconfirmed: Map<string, Relayed[]>;
}

const EMPTY_UPDATE_BYTES = 2;
const ROUND_TRIP_EVERY_MS = 5000;
/** How long a board's load waits for its subscription before going on without it. */
const SUBSCRIBE_WAIT_MS = 2000;

/** Updates of another process adopted for commit here. */
class Adopted implements CommitSource {
  readonly boardId: string;
  private updates: Uint8Array[];
  constructor(
    private readonly room: Room,
    private readonly relayed: Pick<Relayed, "local" | "update">[],
    private readonly log: Logger,
  ) {
    this.boardId = room.boardId;
    this.updates = relayed.map((r) => r.update);
  }
  takeUncommitted(): Uint8Array[] {
    const taken = this.updates;
    this.updates = [];
    return taken;
  }
  committed(): void {
    for (const r of this.relayed) this.room.remoteSettled(r.local);
  }
  commitFailed(err: unknown): void {
    this.log.error({ err, boardId: this.boardId }, "could not commit updates adopted from another process");
  }
}

export class RedisFanout implements RoomHooks {
  readonly processId = randomUUID().slice(0, 13);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly links = new Map<string, BoardLink>();
  private seq = 0;
  private readonly sweeper: NodeJS.Timeout;
  private readonly pinger: NodeJS.Timeout;
  private readonly orphanMs: number;

  constructor(private readonly opts: FanoutOptions) {
    this.orphanMs = opts.orphanMs ?? 5000;
    // Publishing never queues while Redis is away: the hello after reconnecting heals instead.
    this.pub = new Redis(opts.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
    this.sub = new Redis(opts.redisUrl, { lazyConnect: true });
    for (const client of [this.pub, this.sub]) {
      client.on("error", (err) => {
        opts.observe?.redisError?.();
        opts.log.warn({ err: err.message }, "Redis fan-out connection error");
      });
    }
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    // After a reconnect, what was published meanwhile is lost: ask the holders again.
    this.sub.on("ready", () => {
      for (const [boardId, link] of this.links) if (link.room) this.hello(boardId, link.room);
    });
    this.sweeper = setInterval(() => this.adoptOrphans(), Math.max(100, this.orphanMs / 5));
    this.sweeper.unref();
    this.pinger = setInterval(() => void this.measureRoundTrip(), ROUND_TRIP_EVERY_MS);
    this.pinger.unref();
  }

  /** Connects; a Redis that is away at start is retried in the background (the service stays up). */
  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]).catch((err: Error) => {
      this.opts.log.error({ err: err.message }, "Redis is unreachable: boards are served, but other processes' edits arrive only once it is back");
    });
  }

  private channel(boardId: string): string {
    return `${this.opts.prefix}board:${boardId}`;
  }

  private publish(boardId: string, message: FanoutMessage): void {
    this.pub.publish(this.channel(boardId), encodeFanout(message)).catch((err: Error) => {
      this.opts.observe?.redisError?.();
      this.opts.log.warn({ err: err.message, boardId }, "could not publish to Redis; other processes catch up when it is back");
    });
  }

  // --- hooks ------------------------------------------------------------------------------------

  async loading(boardId: string): Promise<void> {
    this.links.set(boardId, { room: null, early: [], published: [], remoteIds: new Set(), unconfirmed: new Map() });
    // Redis away must not stop boards from opening: the hello sent when it is back catches up.
    const subscribed = this.sub.subscribe(this.channel(boardId)).catch((err: Error) => {
      this.opts.observe?.redisError?.();
      this.opts.log.warn({ err: err.message, boardId }, "could not subscribe to the board's channel yet");
    });
    await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
  }

  loaded(room: Room): void {
    const link = this.links.get(room.boardId);
    if (!link) return;
    link.room = room;
    for (const m of link.early.splice(0)) this.handle(room.boardId, link, m);
    this.hello(room.boardId, room);
  }

  loadFailed(boardId: string): void {
    this.forget(boardId);
  }

  unloaded(room: Room): void {
    if (this.links.get(room.boardId)?.room === room) this.forget(room.boardId);
  }

  changed(room: Room, update: Uint8Array, origin: UpdateOrigin): void {
    if (origin === "remote") return;
    const link = this.links.get(room.boardId);
    if (!link) return;
    const seq = ++this.seq;
    link.published.push(seq);
    this.publish(room.boardId, { kind: FanoutKind.update, from: this.processId, sentAt: Date.now(), seq, update });
  }

  committed(room: Room, count: number): void {
    const link = this.links.get(room.boardId);
    const last = link?.published.splice(0, count).at(-1);
    if (last !== undefined) this.publish(room.boardId, { kind: FanoutKind.committed, from: this.processId, sentAt: Date.now(), seq: last });
  }

  presence(room: Room, update: Uint8Array): void {
    if (this.links.has(room.boardId)) this.publish(room.boardId, { kind: FanoutKind.awareness, from: this.processId, sentAt: Date.now(), update });
  }

  // --- incoming ---------------------------------------------------------------------------------

  private onMessage(channel: string, bytes: Buffer): void {
    const boardId = channel.slice(`${this.opts.prefix}board:`.length);
    const link = this.links.get(boardId);
    if (!link) return;
    let message: FanoutMessage;
    try {
      message = decodeFanout(bytes);
    } catch (err) {
      this.opts.log.warn({ err, boardId }, "ignored a malformed fan-out message");
      return;
    }
    if (message.from === this.processId) return;
    if (!link.room) link.early.push(message);
    else this.handle(boardId, link, message);
  }

  private handle(boardId: string, link: BoardLink, m: FanoutMessage): void {
    const room = link.room!;
    try {
      switch (m.kind) {
        case FanoutKind.update: {
          const local = room.applyRemoteUpdate(m.update);
          this.opts.observe?.relayLag?.(Math.max(0, Date.now() - m.sentAt) / 1000);
          const list = link.unconfirmed.get(m.from) ?? [];
          list.push({ seq: m.seq, local, update: m.update, at: Date.now() });
          link.unconfirmed.set(m.from, list);
          return;
        }
        case FanoutKind.committed: {
          const list = link.unconfirmed.get(m.from);
          if (!list) return;
          const rest = list.filter((r) => r.seq > m.seq);
          for (const r of list) if (r.seq <= m.seq) room.remoteSettled(r.local);
          if (rest.length) link.unconfirmed.set(m.from, rest);
          else link.unconfirmed.delete(m.from);
          return;
        }
        case FanoutKind.awareness: {
          for (const entry of decodeAwarenessUpdate(m.update)) link.remoteIds.add(entry.clientId);
          room.applyRemoteAwareness(m.update);
          return;
        }
        case FanoutKind.hello: {
          const diff = Y.diffUpdate(room.encodeState(), m.stateVector);
          if (diff.length > EMPTY_UPDATE_BYTES) this.publish(boardId, { kind: FanoutKind.state, from: this.processId, sentAt: Date.now(), to: m.from, update: diff });
          const local = [...room.awareness.getStates().keys()].filter((id) => id !== room.awareness.clientID && !link.remoteIds.has(id));
          if (local.length) this.presence(room, awarenessProtocol.encodeAwarenessUpdate(room.awareness, local));
          return;
        }
        case FanoutKind.state: {
          if (m.to !== this.processId) return;
          // Part of it may be relayed-and-uncommitted at a process that is about to die.
          this.adopt(room, [{ local: room.applyRemoteUpdate(m.update), update: m.update }]);
          return;
        }
      }
    } catch (err) {
      this.opts.log.warn({ err, boardId, kind: m.kind }, "could not apply a message from another process");
    }
  }

  private hello(boardId: string, room: Room): void {
    this.publish(boardId, { kind: FanoutKind.hello, from: this.processId, sentAt: Date.now(), stateVector: Y.encodeStateVector(room.doc) });
  }

  private adopt(room: Room, relayed: Pick<Relayed, "local" | "update">[]): void {
    this.opts.pipeline.schedule(new Adopted(room, relayed, this.opts.log));
  }

  /** Updates whose process never reported them committed: that process is gone; commit them here. */
  private adoptOrphans(now = Date.now()): void {
    for (const [boardId, link] of this.links) {
      if (!link.room) continue;
      for (const [from, list] of link.unconfirmed) {
        const stale = list.filter((r) => now - r.at >= this.orphanMs);
        if (!stale.length) continue;
        const rest = list.filter((r) => now - r.at < this.orphanMs);
        if (rest.length) link.unconfirmed.set(from, rest);
        else link.unconfirmed.delete(from);
        this.opts.log.warn({ boardId, from, updates: stale.length }, "committing updates another process relayed and never committed");
        this.adopt(link.room, stale);
      }
    }
  }

  private async measureRoundTrip(): Promise<void> {
    if (this.pub.status !== "ready") return;
    const started = performance.now();
    try {
      await this.pub.ping();
      this.opts.observe?.redisRoundTrip?.((performance.now() - started) / 1000);
    } catch {
      this.opts.observe?.redisError?.();
    }
  }

  private forget(boardId: string): void {
    const link = this.links.get(boardId);
    if (!link) return;
    // What other processes relayed and never reported committed is committed before letting go.
    const owed = [...link.unconfirmed.values()].flat();
    if (owed.length && link.room) this.adopt(link.room, owed);
    this.links.delete(boardId);
    this.sub.unsubscribe(this.channel(boardId)).catch(() => {});
  }

  state(): "ready" | "unreachable" {
    return this.pub.status === "ready" && this.sub.status === "ready" ? "ready" : "unreachable";
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    clearInterval(this.pinger);
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
