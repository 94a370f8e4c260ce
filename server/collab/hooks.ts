/**
 * The collaboration server's extension points, in the spirit of Hocuspocus extensions: features
 * that live outside server/collab (automatic versions, the Redis fan-out between processes)
 * plug in here instead of being called from the room.
 */
import type { Room } from "./room";

/** Where an update applied to a room came from. */
export type UpdateOrigin = "client" | "server" | "remote";

export interface RoomHooks {
  /** A board is about to be read from the database (subscribe to what must not be missed). */
  loading?(boardId: string): Promise<void> | void;
  /** A room finished loading; awaited before anyone is served. */
  loaded?(room: Room): Promise<void> | void;
  /** A load failed after `loading` ran. */
  loadFailed?(boardId: string): void;
  /** An update was applied (and relayed to this process's connections). */
  changed?(room: Room, update: Uint8Array, origin: UpdateOrigin): void;
  /** The oldest `count` updates this room applied for commit (origin client or server) are committed. */
  committed?(room: Room, count: number): void;
  /** Presence changed by this process's connections (an awareness update of the changed ids). */
  presence?(room: Room, update: Uint8Array): void;
  /** The last connection left (the room may be unloaded later). */
  empty?(room: Room): void;
  /** The room is leaving memory. */
  unloaded?(room: Room): void;
}

/** One RoomHooks that calls every registered one in order. */
export class HookChain implements Required<RoomHooks> {
  private readonly list: RoomHooks[] = [];

  add(hooks: RoomHooks): void {
    this.list.push(hooks);
  }

  async loading(boardId: string): Promise<void> {
    for (const h of this.list) await h.loading?.(boardId);
  }
  async loaded(room: Room): Promise<void> {
    for (const h of this.list) await h.loaded?.(room);
  }
  loadFailed(boardId: string): void {
    for (const h of this.list) h.loadFailed?.(boardId);
  }
  changed(room: Room, update: Uint8Array, origin: UpdateOrigin): void {
    for (const h of this.list) h.changed?.(room, update, origin);
  }
  committed(room: Room, count: number): void {
    for (const h of this.list) h.committed?.(room, count);
  }
  presence(room: Room, update: Uint8Array): void {
    for (const h of this.list) h.presence?.(room, update);
  }
  empty(room: Room): void {
    for (const h of this.list) h.empty?.(room);
  }
  unloaded(room: Room): void {
    for (const h of this.list) h.unloaded?.(room);
  }
}
