import { createContext, useContext, useMemo } from "react";
import { blindPlayer, NOTHING_HIDDEN, type HiddenAspects } from "@/lib/valuechain/blind";
import type { Board, Player } from "@/lib/valuechain/model";

/** What the board hides while a blind round is open (nothing outside one). */
export const BlindContext = createContext<HiddenAspects>(NOTHING_HIDDEN);

export const useHiddenAnswers = () => useContext(BlindContext);

/** One cache per set of hidden aspects: a player object keeps its blinded twin while it is unchanged. */
const caches = new WeakMap<HiddenAspects, WeakMap<Player, Player>>();

function blindCached(player: Player, hidden: HiddenAspects): Player {
  let cache = caches.get(hidden);
  if (!cache) caches.set(hidden, (cache = new WeakMap()));
  let shown = cache.get(player);
  if (!shown) cache.set(player, (shown = blindPlayer(player, hidden)));
  return shown;
}

/**
 * The board as this page shows it during a blind round (lib/valuechain/blind.ts). An unchanged
 * player keeps the same object from one call to the next, so a drag of one card during a blind
 * round still redraws only that card.
 */
export function useBlindBoard(board: Board): Board {
  const hidden = useHiddenAnswers();
  return useMemo(() => (hidden.size ? { ...board, players: board.players.map((p) => blindCached(p, hidden)) } : board), [board, hidden]);
}

/** "Hidden while the group answers": what shows in place of an answer a blind round asks about. */
export const HIDDEN_NOTE = "Hidden until the reveal: the group is answering this privately.";
