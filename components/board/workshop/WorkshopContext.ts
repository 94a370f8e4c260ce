import { createContext, useContext } from "react";
import type { PublicRound } from "@/lib/collab/boardDoc";
import type { Identity } from "@/lib/collab/presence";
import type { RoundQuestion } from "@/lib/valuechain/rounds";
import type { RoundsClient } from "./api";
import type { LoadedRound } from "./useRoundView";

/** A round the walkthrough suggests: the start form opens with these questions and timer. */
export interface RoundPrefill {
  questions: RoundQuestion[];
  timerSeconds: number | null;
  /** A new value for every suggestion, so the same one can be made twice. */
  key: number;
}

export interface Workshop {
  client: RoundsClient;
  identity: Identity | null;
  /** The current round as the document carries it. */
  round: PublicRound | null;
  /** The current round's answers and scores, once it is revealed. */
  results: LoadedRound;
  panelOpen: boolean;
  setPanelOpen: (open: boolean | ((open: boolean) => boolean)) => void;
  /** The workshop's column beside the canvas folded to a narrow strip, to give the canvas room. */
  dockFolded: boolean;
  setDockFolded: (folded: boolean) => void;
  prefill: RoundPrefill | null;
  askPrivately: (questions: RoundQuestion[], timerSeconds: number | null) => void;
  /** The players picked on the canvas for the question being answered there. */
  setPicked: (ids: ReadonlySet<string>) => void;
}

export const WorkshopContext = createContext<Workshop | null>(null);

export function useWorkshop(): Workshop {
  const value = useContext(WorkshopContext);
  if (!value) throw new Error("useWorkshop is only available inside WorkshopRoot");
  return value;
}

/** For components that may render outside a workshop (the top bar of another page, say). */
export const useOptionalWorkshop = () => useContext(WorkshopContext);
