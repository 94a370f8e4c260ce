import { useEffect } from "react";
import { useReactFlow, useStoreApi } from "@xyflow/react";
import type { Awareness } from "y-protocols/awareness";
import { followViewport, readPeer } from "@/lib/collab/presence";

/**
 * While following someone, keeps this viewport on theirs. Calls `onLost` when they leave.
 * Stopping on this person's own pan, zoom or drag is the canvas's job.
 */
export function useFollowViewport(awareness: Awareness, clientId: number | null, onLost: () => void): void {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (clientId === null) return;
    const track = () => {
      const peer = readPeer(clientId, awareness.getStates().get(clientId));
      if (!peer) return onLost();
      if (!peer.viewport) return;
      const { width, height, transform } = store.getState();
      const next = followViewport(peer.viewport, { width, height });
      if (next.x !== transform[0] || next.y !== transform[1] || next.zoom !== transform[2]) void setViewport(next);
    };
    track();
    awareness.on("change", track);
    return () => awareness.off("change", track);
  }, [awareness, clientId, onLost, setViewport, store]);
}
