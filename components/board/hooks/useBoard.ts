import { useSyncExternalStore } from "react";
import type { Board } from "@/lib/valuechain/model";
import { useSession } from "./useSession";

/** The live board, positions included; re-renders on every change, a drag's included. */
export function useBoard(): Board {
  const { board } = useSession().session;
  return useSyncExternalStore(board.subscribe, () => board.get().board, () => board.get().board);
}

/**
 * The live board as of its last change of anything but positions. Panels, answers and
 * workshop views use this: they never show where cards are, so a drag does not re-render them.
 */
export function useBoardContent(): Board {
  const { board } = useSession().session;
  return useSyncExternalStore(board.subscribe, () => board.get().content, () => board.get().content);
}
