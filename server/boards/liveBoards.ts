/**
 * The live boards as plain data, for route handlers.
 *
 * Route handlers are bundled by Next and would load their own copy of Yjs, whose classes
 * fail `instanceof` against the documents of the server's copy. So every Yjs operation
 * stays in server code loaded once, and route handlers receive plain boards only.
 */
import { readBoard } from "../../lib/collab/boardDoc";
import type { Board } from "../../lib/valuechain/model";
import type { RoomManager } from "../collab/rooms";

export class LiveBoards {
  constructor(private readonly rooms: RoomManager) {}

  read(boardId: string): Promise<Board> {
    return this.rooms.withRoom(boardId, (room) => readBoard(room.doc));
  }
}
