import { createContext } from "react";
import type { BoardSession } from "@/lib/collab/session";
import type { Role } from "@/lib/contracts/roles";

/** The open board, shared by everything on the board page; its value never changes while open. */
export interface BoardContextValue {
  session: BoardSession;
  boardId: string;
  token: string;
  role: Role;
  canEdit: boolean;
}

export const SessionContext = createContext<BoardContextValue | null>(null);
