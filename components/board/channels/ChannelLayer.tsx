import { memo, useCallback, useContext, type MouseEvent } from "react";
import { EdgeLabelRenderer } from "@xyflow/react";
import type { RemoteSelector } from "@/lib/collab/presence";
import type { ChannelRoute } from "./routes";
import { ChannelLabel } from "./ChannelLabel";
import { CommentsContext } from "../comments/CommentsContext";
import { ChannelShape } from "./ChannelShape";
import { useStableSplit } from "./useStableSplit";

const NOBODY: readonly RemoteSelector[] = [];

export interface ChannelLayerProps {
  routes: readonly ChannelRoute[];
  selected: ReadonlySet<string>;
  remote: ReadonlyMap<string, readonly RemoteSelector[]>;
  /** Players being dragged here: their channels are drawn apart from the rest (see below). */
  moving: ReadonlySet<string>;
  /** The channel that has the keyboard focus (ChannelFocusLayer). */
  focused: string | null;
  /** A click on a channel: select it, or add it to the selection with Shift, Ctrl or Cmd. */
  onSelect: (id: string, additive: boolean) => void;
}

const labelOf = (route: ChannelRoute) => [route.channel.label, route.channel.share !== undefined ? `${route.channel.share}%` : ""].filter(Boolean).join(" · ");

/**
 * The channels beneath the cards (React Flow's edge-label layer), in two svg elements instead
 * of React Flow's svg per edge: with a thousand and more channels, an svg each made the
 * browser re-layer and re-raster the whole canvas on every frame of a drag. The channels of
 * the cards being dragged go in a small svg of their own, so the big one, holding all the
 * others, stays untouched (and its pixels cached) for the whole drag.
 */
export function ChannelLayer({ routes, selected, remote, moving, focused, onSelect }: ChannelLayerProps) {
  const select = useCallback((id: string, event: MouseEvent) => onSelect(id, event.shiftKey || event.ctrlKey || event.metaKey), [onSelect]);
  const [still, live] = useStableSplit(routes, (r) => moving.has(r.channel.from) || moving.has(r.channel.to));
  const { counts } = useContext(CommentsContext);
  return (
    <EdgeLabelRenderer>
      <ChannelGroup testId="channel-layer" routes={still} selected={selected} remote={remote} focused={focused} onSelect={select} />
      <ChannelGroup testId="channel-layer-moving" routes={live} selected={selected} remote={remote} focused={focused} onSelect={select} />
      {routes.map((r) => {
        const text = labelOf(r);
        const threads = counts.get(r.channel.id) ?? 0;
        return text || threads ? (
          <ChannelLabel key={r.channel.id} id={r.channel.id} text={text} threads={threads} sx={r.sx} sy={r.sy} tx={r.tx} ty={r.ty} lane={r.lane} selected={selected.has(r.channel.id)} onSelect={select} />
        ) : null;
      })}
    </EdgeLabelRenderer>
  );
}

interface ChannelGroupProps {
  testId: string;
  routes: readonly ChannelRoute[];
  selected: ReadonlySet<string>;
  remote: ReadonlyMap<string, readonly RemoteSelector[]>;
  focused: string | null;
  onSelect: (id: string, event: MouseEvent) => void;
}

const ChannelGroup = memo(function ChannelGroup({ testId, routes, selected, remote, focused, onSelect }: ChannelGroupProps) {
  return (
    <svg aria-hidden data-testid={testId} className="absolute top-0 left-0 overflow-visible" width={1} height={1}>
      {routes.map((r) => (
        <ChannelShape
          key={r.channel.id}
          id={r.channel.id}
          flow={r.channel.flow}
          sx={r.sx}
          sy={r.sy}
          tx={r.tx}
          ty={r.ty}
          lane={r.lane}
          selected={selected.has(r.channel.id)}
          remote={remote.get(r.channel.id) ?? NOBODY}
          focused={focused === r.channel.id}
          onSelect={onSelect}
        />
      ))}
    </svg>
  );
});
