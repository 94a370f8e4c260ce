import { useCallback, useContext, useSyncExternalStore } from "react";
import { HighlightContext } from "../HighlightContext";

/** Whether the questions panel currently points at this player or channel; re-renders only when that flips. */
export function useIsHighlighted(kind: "players" | "channels", id: string): boolean {
  const store = useContext(HighlightContext);
  const snapshot = useCallback(() => store.get()[kind].has(id), [store, kind, id]);
  return useSyncExternalStore(store.subscribe, snapshot, () => false);
}
