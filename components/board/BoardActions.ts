import { createContext, useContext } from "react";

/** What any part of the board page can ask the page to do. */
export interface BoardActions {
  /** Opens the dialog that draws a channel from this player to one picked from a list. */
  startConnect: (fromId: string) => void;
  /** A card or channel was tapped or clicked: on a phone, its details come up in the sheet. */
  showDetails: () => void;
}

export const BoardActionsContext = createContext<BoardActions>({ startConnect: () => {}, showDetails: () => {} });

export const useBoardActions = () => useContext(BoardActionsContext);
