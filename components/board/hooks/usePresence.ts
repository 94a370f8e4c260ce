import { useCallback, useRef, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import { readPeers, type Peer } from "@/lib/collab/presence";

/**
 * A slice of everyone's presence. The component re-renders only when `equal` says the slice
 * changed, so cursor movements do not re-render what only shows, say, selections.
 * `select` and `equal` should be module-level functions (they are not dependencies).
 */
export function usePresence<T>(awareness: Awareness, select: (peers: Peer[], selfId: number) => T, equal: (a: T, b: T) => boolean): T {
  const cache = useRef<{ value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on("change", onChange);
      return () => awareness.off("change", onChange);
    },
    [awareness],
  );
  const snapshot = () => {
    const next = select(readPeers(awareness.getStates()), awareness.clientID);
    if (cache.current && equal(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
