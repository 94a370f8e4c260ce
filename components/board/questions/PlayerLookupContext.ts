import { createContext } from "react";
import type { Player } from "@/lib/valuechain/model";

/** What every answer in the questions panel needs: the players behind the ids, and a way to show them on the canvas. */
export interface PlayerLookup {
  byId: ReadonlyMap<string, Player>;
  /** Selects the players and brings them into view. */
  show: (ids: readonly string[]) => void;
}

export const PlayerLookupContext = createContext<PlayerLookup | null>(null);
