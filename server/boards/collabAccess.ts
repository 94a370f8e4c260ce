/**
 * The collaboration server's access hooks (server/collab/hooks.ts) on board links: a token
 * authenticates a websocket as its link's role, revoked links are found by digest, and only
 * editors and owners write (R-VIEWER).
 */
import type { AccessHooks } from "../collab/hooks";
import { roleAtLeast } from "../../lib/contracts/roles";
import type { BoardService } from "./boardService";

export function boardAccessHooks(boards: BoardService): AccessHooks {
  return {
    authenticate: (boardId, token) => boards.resolve(boardId, token),
    revoked: (tokenHashes) => boards.revokedAmong(tokenHashes),
    canWrite: ({ role }) => roleAtLeast(role, "editor"),
  };
}
