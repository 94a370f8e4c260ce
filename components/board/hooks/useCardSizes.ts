import { useCallback } from "react";
import { useStoreApi } from "@xyflow/react";

export type SizeOf = (id: string) => { width: number; height: number } | undefined;

/** The size a card was last measured at on the canvas (cards grow with their badges and names). */
export function useCardSizes(): SizeOf {
  const store = useStoreApi();
  return useCallback<SizeOf>(
    (id) => {
      const m = store.getState().nodeLookup.get(id)?.measured;
      return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
    },
    [store],
  );
}
