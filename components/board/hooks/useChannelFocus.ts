import { useCallback, useRef, useState } from "react";
import { useReactFlow, useStoreApi } from "@xyflow/react";
import { channelPath } from "@/lib/canvas/channelPath";
import type { ChannelRoute } from "../channels/routes";

/**
 * The channel that has the keyboard focus (ChannelFocusList), for the ring along its line; a
 * channel reached with Tab is brought into view when its middle is off screen.
 */
export function useChannelFocus(routes: readonly ChannelRoute[]) {
  const [focused, setFocused] = useState<string | null>(null);
  const { setCenter } = useReactFlow();
  const store = useStoreApi();
  const latest = useRef(routes);
  latest.current = routes;
  const focus = useCallback(
    (id: string | null) => {
      setFocused(id);
      const route = id ? latest.current.find((r) => r.channel.id === id) : undefined;
      if (!route) return;
      const [, x, y] = channelPath(route.sx, route.sy, route.tx, route.ty, route.lane);
      const { width, height, transform } = store.getState();
      const [tx, ty, zoom] = transform;
      const sx = x * zoom + tx;
      const sy = y * zoom + ty;
      if (sx < 0 || sy < 0 || sx > width || sy > height) void setCenter(x, y, { zoom, duration: 200 });
    },
    [setCenter, store],
  );
  return { focused, focus };
}
