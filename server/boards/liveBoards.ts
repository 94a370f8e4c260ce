/**
 * The one door to live boards: open the board's room (loading it if nobody has it open), read
 * the board or change it, and after a change wait until the room is idle, so a service answers
 * only once the change is committed and on its way to everyone (R-COMMIT).
 *
 * Route handlers are bundled by Next and would load their own copy of Yjs, whose classes
 * fail `instanceof` against the documents of the server's copy. So every Yjs operation
 * stays in server code loaded once, and route handlers receive plain boards only.
 */
import type * as Y from "yjs";
import { readBoard } from "../../lib/collab/boardDoc";
import type { Board } from "../../lib/valuechain/model";
import { readPeers } from "../../lib/collab/presence";
import type { Room } from "../collab/room";
import type { RoomManager } from "../collab/rooms";

/** The board's state and the same state as plain data, taken in one step so they match. */
export interface Snapshot {
  state: Uint8Array;
  board: Board;
}

export function snapshotOf(room: Room): Snapshot {
  return { state: room.encodeState(), board: readBoard(room.doc) };
}

/** A live board held open for the length of a piece of work. */
export interface OpenBoard {
  read(): Board;
  snapshot(): Snapshot;
  /**
   * Runs `edit` on the document, then waits until the room has committed what is pending, the
   * edit included; an edit that wrote nothing finds nothing of its own to wait for.
   */
  change<T>(edit: (doc: Y.Doc) => T): Promise<T>;
}

function openBoard(room: Room): OpenBoard {
  return {
    read: () => readBoard(room.doc),
    snapshot: () => snapshotOf(room),
    change: async (edit) => {
      const result = edit(room.doc);
      await room.whenIdle();
      return result;
    },
  };
}

export class LiveBoards {
  constructor(private readonly rooms: RoomManager) {}

  /** Holds the board open while `work` runs: what it reads and changes is one board, not a reloaded one. */
  open<T>(boardId: string, work: (board: OpenBoard) => T | Promise<T>): Promise<T> {
    return this.rooms.withRoom(boardId, (room) => work(openBoard(room)));
  }

  read(boardId: string): Promise<Board> {
    return this.open(boardId, (board) => board.read());
  }

  change<T>(boardId: string, edit: (doc: Y.Doc) => T): Promise<T> {
    return this.open(boardId, (board) => board.change(edit));
  }

  /**
   * Who is on the board right now, as their presence (awareness) names them: every connection of
   * this process, and, with REDIS_URL, of the others holding the board too. A board nobody has
   * open is not loaded, and has nobody; it is not loaded to find that out.
   */
  connected(boardId: string): { name: string; function: string }[] {
    const room = this.rooms.loaded(boardId);
    if (!room) return [];
    // One person in two tabs is one person.
    const people = new Map(readPeers(room.awareness.getStates()).map((peer) => [`${peer.user.name}\u0000${peer.user.fn}`, { name: peer.user.name, function: peer.user.fn }]));
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, "en") || a.function.localeCompare(b.function, "en"));
  }
}
