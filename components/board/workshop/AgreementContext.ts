import { createContext, useContext } from "react";
import type { AgreementDecoration } from "./decorations";

export interface PlayerMarks {
  /** Revealed round: player id → how far the group agrees on it. */
  agreement: ReadonlyMap<string, AgreementDecoration>;
  /** Answering: the players this person picked for the question being answered on the canvas. */
  picked: ReadonlySet<string>;
}

const NO_MARKS: PlayerMarks = { agreement: new Map(), picked: new Set() };

/** Workshop decorations of the player cards; none outside a workshop. */
export const AgreementContext = createContext<PlayerMarks>(NO_MARKS);

export interface PlayerMark {
  agreement: AgreementDecoration | undefined;
  picked: boolean;
}

export function usePlayerMark(id: string): PlayerMark {
  const marks = useContext(AgreementContext);
  return { agreement: marks.agreement.get(id), picked: marks.picked.has(id) };
}
