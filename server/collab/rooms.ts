/**
 * The rooms loaded in this process: loads each board once (concurrent joins share the load),
 * unloads a room once it has been empty for ROOM_IDLE_UNLOAD_MS and its updates are
 * committed, and refuses new boards past MAX_LOADED_BOARDS.
 */
import type { Logger } from "pino";
import type { DocStore } from "./docStore";
import { Room, type RoomOptions } from "./room";
import { DEFAULT_PRESENCE_LIMITS, PresenceReservations } from "./presence";

export interface RoomManagerOptions extends RoomOptions {
  maxLoadedBoards: number;
  roomIdleUnloadMs: number;
}

/** Lifecycle hooks for features built on rooms (automatic versions). */
export interface RoomHooks {
  /** A room finished loading (before anyone is served). */
  loaded?(room: Room): void;
  /** The last connection left (the room may be unloaded later). */
  empty?(room: Room): void;
  /** The room is leaving memory. */
  unloaded?(room: Room): void;
}

export class TooManyRoomsError extends Error {
  readonly reason = "too_many_rooms";
}

export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Holders that are not websocket connections (API reads, restores) keep a room loaded. */
  private readonly leases = new Map<string, number>();
  private hooks: RoomHooks[] = [];

  private readonly opts: RoomManagerOptions;

  constructor(
    private readonly store: DocStore,
    opts: RoomManagerOptions,
    private readonly log: Logger,
  ) {
    // One reservation store for all rooms, so a presence id stays reserved after its room unloads.
    const reserveMs = opts.presenceReserveMs ?? DEFAULT_PRESENCE_LIMITS.presenceReserveMs;
    this.opts = { ...opts, presenceReservations: opts.presenceReservations ?? new PresenceReservations(reserveMs) };
  }

  addHooks(hooks: RoomHooks): void {
    this.hooks.push(hooks);
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
    let pending = this.loading.get(boardId);
    if (!pending) {
      if (this.rooms.size + this.loading.size >= this.opts.maxLoadedBoards) {
        throw new TooManyRoomsError(`this process already holds ${this.opts.maxLoadedBoards} boards`);
      }
      pending = Room.load(boardId, this.store, this.opts, this.log).then((room) => {
        room.onBroken = () => this.drop(boardId, room);
        this.rooms.set(boardId, room);
        for (const h of this.hooks) h.loaded?.(room);
        return room;
      });
      this.loading.set(boardId, pending);
      pending.finally(() => this.loading.delete(boardId)).catch(() => {});
    }
    return pending;
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
    for (const h of this.hooks) h.empty?.(room);
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
    for (const h of this.hooks) h.unloaded?.(room);
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
