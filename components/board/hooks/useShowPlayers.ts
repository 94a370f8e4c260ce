import { useCallback } from "react";
import { useReactFlow } from "@xyflow/react";
import type { PlayerFlowNode } from "@/lib/canvas/flow";
import { CARD_HEIGHT, CARD_WIDTH } from "../boardCommands";

/** Below this zoom a card's text is too small to read, so showing one player zooms in to it. */
const READABLE_ZOOM = 0.8;
const MOVE_MS = 300;

/**
 * Selects players and brings them into view: one player is centred, several are fitted. The
 * person chose where to look, so following someone else's view stops.
 */
export function useShowPlayers(setSelection: (ids: readonly string[]) => void, stopFollowing: () => void) {
  const { fitView, getNode, getZoom, setCenter } = useReactFlow<PlayerFlowNode>();
  return useCallback(
    (ids: readonly string[]) => {
      if (ids.length === 0) return;
      stopFollowing();
      setSelection(ids);
      if (ids.length > 1) {
        void fitView({ nodes: ids.map((id) => ({ id })), padding: 0.3, maxZoom: 1, duration: MOVE_MS });
        return;
      }
      const node = getNode(ids[0]);
      if (!node) return;
      const x = node.position.x + (node.measured?.width ?? CARD_WIDTH) / 2;
      const y = node.position.y + (node.measured?.height ?? CARD_HEIGHT) / 2;
      void setCenter(x, y, { zoom: Math.max(getZoom(), READABLE_ZOOM), duration: MOVE_MS });
    },
    [fitView, getNode, getZoom, setCenter, setSelection, stopFollowing],
  );
}
