import { useMemo } from "react";
import type { Board, Player } from "@/lib/valuechain/model";

/**
 * The board with its players in the given order (along the chain), so the cards come in that
 * order in the page and Tab follows the chain. Players missing from the order (it lags behind
 * by a change) come last. One pass, no sort: it runs on every frame of a drag.
 */
export function useOrderedBoard(board: Board, order: readonly string[]): Board {
  const place = useMemo(() => new Map(order.map((id, i) => [id, i])), [order]);
  return useMemo(() => {
    const slots: (Player | undefined)[] = new Array(order.length);
    const rest: Player[] = [];
    for (const p of board.players) {
      const at = place.get(p.id);
      if (at === undefined || slots[at]) rest.push(p);
      else slots[at] = p;
    }
    const players = slots.filter((p): p is Player => p !== undefined);
    if (rest.length) players.push(...rest);
    return { ...board, players };
  }, [board, place, order.length]);
}
