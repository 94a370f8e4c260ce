import { useCallback, useSyncExternalStore } from "react";
import type { BoardUndo } from "@/lib/collab/undo";

const STACK_EVENTS = ["stack-item-added", "stack-item-popped", "stack-cleared"] as const;

/** Whether this person has something to undo or redo (their own changes only). */
export function useUndoState({ manager: undo }: BoardUndo): { canUndo: boolean; canRedo: boolean } {
  const subscribe = useCallback(
    (onChange: () => void) => {
      for (const event of STACK_EVENTS) undo.on(event, onChange);
      return () => {
        for (const event of STACK_EVENTS) undo.off(event, onChange);
      };
    },
    [undo],
  );
  // A string snapshot: stable between changes, as useSyncExternalStore requires.
  const state = useSyncExternalStore(subscribe, () => `${undo.canUndo()}|${undo.canRedo()}`, () => "false|false");
  const [canUndo, canRedo] = state.split("|").map((s) => s === "true");
  return { canUndo, canRedo };
}
