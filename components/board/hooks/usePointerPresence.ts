import { useEffect, useMemo } from "react";
import type { Awareness } from "y-protocols/awareness";
import { sameViewport, type FlowPoint, type PresenceViewport } from "@/lib/collab/presence";
import { throttle } from "../throttle";

/** ~20 updates a second: smooth enough to follow, light on the wire. */
const PRESENCE_INTERVAL_MS = 50;

/**
 * Publishers for this person's cursor (flow coordinates, null when off the canvas) and
 * viewport. Every awareness write is sent to everyone, so unchanged values are not resent.
 */
export function usePointerPresence(awareness: Awareness) {
  const publishers = useMemo(() => {
    const publishCursor = throttle((cursor: FlowPoint | null) => {
      const current: unknown = awareness.getLocalState()?.cursor ?? null;
      if (cursor === null && current === null) return;
      awareness.setLocalStateField("cursor", cursor && { x: Math.round(cursor.x), y: Math.round(cursor.y) });
    }, PRESENCE_INTERVAL_MS);
    const publishViewport = throttle((viewport: PresenceViewport) => {
      const current = (awareness.getLocalState()?.viewport ?? null) as PresenceViewport | null;
      if (!sameViewport(current, viewport)) awareness.setLocalStateField("viewport", viewport);
    }, PRESENCE_INTERVAL_MS);
    return { publishCursor, publishViewport };
  }, [awareness]);
  useEffect(
    () => () => {
      publishers.publishCursor.cancel();
      publishers.publishViewport.cancel();
    },
    [publishers],
  );
  return publishers;
}
