/**
 * The collaboration server's extension points, in the spirit of Hocuspocus extensions: features
 * that live outside server/collab (automatic versions, the Redis fan-out between processes)
 * plug in here instead of being called from the room.
 */
import type { Room, RoomEvents, UpdateOrigin } from "./room";
import type { Role } from "../../lib/contracts/roles";

/** Who a websocket is, as its authentication decided. */
export interface Access {
  boardId: string;
  role: Role;
  /** Digest of the link's token: revocation closes the connections that used it. */
  tokenHash: string;
}

/**
 * Who may connect and who may write. Boards and their links live outside server/collab
 * (server/boards/collabAccess.ts); the collaboration server only asks.
 */
export interface AccessHooks {
  /** The access a token grants on a board, or null (401 before any websocket opens: R-AUTH). */
  authenticate(boardId: string, token: string | null): Promise<Access | null>;
  /** Of these token digests in use, those revoked since (R-REVOKE); their connections are closed. */
  revoked(tokenHashes: string[]): Promise<string[]>;
  /** Whether a connection with this access may change the document; its updates are dropped otherwise (R-VIEWER). */
  canWrite(access: { role: Role }): boolean;
}

export type { UpdateOrigin } from "./room";

export interface RoomHooks extends RoomEvents {
  /** A board is about to be read from the database (subscribe to what must not be missed). */
  loading?(boardId: string): Promise<void> | void;
  /** A room finished loading; awaited before anyone is served. */
  loaded?(room: Room): Promise<void> | void;
  /** A load failed after `loading` ran. */
  loadFailed?(boardId: string): void;
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
