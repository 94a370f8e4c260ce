/**
 * The rooms loaded in this process: loads each board once (concurrent joins share the load),
 * unloads a room once it has been empty for ROOM_IDLE_UNLOAD_MS and its updates are
 * committed.
 *
 * R-ROOMS: when a new board needs room (MAX_LOADED_BOARDS reached, or the heap past its
 * budget), the stalest board nobody is using is evicted first: an empty one, else one whose
 * connections have sent nothing for ROOM_EVICT_IDLE_MS (they are closed with 1001 and
 * reconnect when they come back). Only when nothing is idle is the new board refused (4503 on
 * the websocket, 503 with Retry-After over HTTP); a board in use is never the one refused.
 */
import type { Logger } from "pino";
import type { DocStore } from "./docStore";
import { heapUsed } from "./memory";
import { Room, type RoomOptions } from "./room";
import { CommitPipeline, type CommitStats } from "./commitPipeline";
import { HookChain, type RoomHooks } from "./hooks";
import { CloseCode } from "../../lib/collab/protocol";
import { DEFAULT_PRESENCE_LIMITS, PresenceReservations } from "./presence";

export interface RoomManagerOptions extends RoomOptions {
  maxLoadedBoards: number;
  roomIdleUnloadMs: number;
  roomEvictIdleMs: number;
  /** Fault injection for tests: every commit waits this long (FAULT_COMMIT_DELAY_MS). */
  faultCommitDelayMs?: number;
}

export type { RoomHooks } from "./hooks";

export class TooManyRoomsError extends Error {
  readonly reason = "too_many_rooms";
}

export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Holders that are not websocket connections (API reads, restores) keep a room loaded. */
  private readonly leases = new Map<string, number>();
  private readonly hooks = new HookChain();
  /** One for every room of the process: their updates share transactions (R-COMMIT). */
  readonly pipeline: CommitPipeline;

  private readonly opts: RoomManagerOptions;

  constructor(
    private readonly store: DocStore,
    opts: RoomManagerOptions,
    private readonly log: Logger,
    onCommit?: (stats: CommitStats) => void,
  ) {
    this.pipeline = new CommitPipeline(store, log, onCommit, opts.faultCommitDelayMs ?? 0);
    // One reservation store for all rooms, so a presence id stays reserved after its room unloads.
    const reserveMs = opts.presenceReserveMs ?? DEFAULT_PRESENCE_LIMITS.presenceReserveMs;
    this.opts = { ...opts, presenceReservations: opts.presenceReservations ?? new PresenceReservations(reserveMs) };
  }

  addHooks(hooks: RoomHooks): void {
    this.hooks.add(hooks);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  loaded(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  async acquire(boardId: string): Promise<Room> {
    this.cancelUnload(boardId);
    const existing = this.rooms.get(boardId);
    if (existing) return existing;
    if (!this.loading.has(boardId) && this.full()) {
      await this.evictOne();
      // The board may have been loaded by someone else while the eviction ran.
      const loaded = this.rooms.get(boardId);
      if (loaded) return loaded;
      if (!this.loading.has(boardId) && this.full()) {
        throw new TooManyRoomsError(
          heapUsed() > this.opts.heapBudget.boards
            ? "the server is out of memory for more boards"
            : `this process already holds ${this.opts.maxLoadedBoards} boards in use`,
        );
      }
    }
    let pending = this.loading.get(boardId);
    if (!pending) {
      pending = this.load(boardId);
      this.loading.set(boardId, pending);
      pending.finally(() => this.loading.delete(boardId)).catch(() => {});
    }
    return pending;
  }

  private async load(boardId: string): Promise<Room> {
    const ctx = { store: this.store, pipeline: this.pipeline, hooks: this.hooks, log: this.log };
    let room: Room | null = null;
    try {
      await this.hooks.loading(boardId);
      room = await Room.load(boardId, this.opts, ctx);
      await this.hooks.loaded(room);
    } catch (err) {
      room?.destroy();
      this.hooks.loadFailed(boardId);
      throw err;
    }
    const loaded = room;
    loaded.onBroken = () => this.drop(boardId, loaded);
    this.rooms.set(boardId, loaded);
    return loaded;
  }

  private full(): boolean {
    return this.rooms.size + this.loading.size >= this.opts.maxLoadedBoards || heapUsed() > this.opts.heapBudget.boards;
  }

  /** Evicts the stalest board nobody is using, if there is one (R-ROOMS). */
  private async evictOne(): Promise<boolean> {
    const now = Date.now();
    const idle = [...this.rooms.values()]
      .filter((r) => !this.leases.has(r.boardId) && (r.conns.size === 0 || now - r.lastActivity >= this.opts.roomEvictIdleMs))
      .sort((a, b) => Number(a.conns.size > 0) - Number(b.conns.size > 0) || a.lastActivity - b.lastActivity);
    const room = idle[0];
    if (!room) return false;
    for (const conn of room.conns) conn.close(CloseCode.goingAway, "board evicted after inactivity");
    await room.whenIdle();
    if (this.rooms.get(room.boardId) !== room || room.conns.size > 0 || this.leases.has(room.boardId)) return false;
    this.drop(room.boardId, room);
    this.log.info({ boardId: room.boardId }, "evicted an idle board to make room");
    return true;
  }

  /** Runs `fn` with the live room, loading it for the duration if nobody has it open. */
  async withRoom<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    this.leases.set(boardId, (this.leases.get(boardId) ?? 0) + 1);
    try {
      return await fn(room);
    } finally {
      const left = (this.leases.get(boardId) ?? 1) - 1;
      if (left) this.leases.set(boardId, left);
      else this.leases.delete(boardId);
      this.release(boardId);
    }
  }

  /** Call when a connection leaves (or a lease ends): schedules the unload of an empty room. */
  release(boardId: string): void {
    const room = this.rooms.get(boardId);
    if (!room || room.conns.size > 0 || this.leases.has(boardId) || this.unloadTimers.has(boardId)) return;
    this.hooks.empty(room);
    const timer = setTimeout(() => void this.unload(boardId, room), this.opts.roomIdleUnloadMs);
    timer.unref();
    this.unloadTimers.set(boardId, timer);
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(boardId);
  }

  private async unload(boardId: string, room: Room): Promise<void> {
    this.unloadTimers.delete(boardId);
    await room.whenIdle();
    // Someone joined while the last commit was running: keep the room.
    if (room.conns.size > 0 || this.leases.has(boardId) || this.rooms.get(boardId) !== room) return;
    this.drop(boardId, room);
    this.log.debug({ boardId }, "unloaded idle board");
  }

  private drop(boardId: string, room: Room): void {
    if (this.rooms.get(boardId) === room) this.rooms.delete(boardId);
    this.cancelUnload(boardId);
    this.hooks.unloaded(room);
    room.destroy();
  }

  /** Commits everything pending in every room, then forgets them (SIGTERM path). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)));
    await Promise.all([...this.rooms.values()].map((r) => r.whenIdle()));
  }

  closeAll(code: number, reason: string): void {
    for (const [boardId, room] of this.rooms) {
      for (const conn of room.conns) conn.close(code, reason);
      this.drop(boardId, room);
    }
  }
}
