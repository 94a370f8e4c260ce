import { createContext, useContext } from "react";
import type { PlayerKind } from "@/lib/valuechain/model";

/** What a note's toolbar can do, given by the canvas (which knows the session and the selection). */
export interface NoteActions {
  setColor(id: string, color: string): void;
  toPlayer(id: string, kind: PlayerKind): void;
}

const NONE: NoteActions = { setColor: () => {}, toPlayer: () => {} };
export const NoteActionsContext = createContext<NoteActions>(NONE);
export const useNoteActions = () => useContext(NoteActionsContext);
