/** The live board as plain data: read from the loaded room (or loaded for the call). */
import { readBoard } from "../../lib/collab/boardDoc";
import type { Board } from "../../lib/valuechain/model";
import type { RoomManager } from "../collab/rooms";

export function readLiveBoard(rooms: RoomManager, boardId: string): Promise<Board> {
  return rooms.withRoom(boardId, (room) => readBoard(room.doc));
}
