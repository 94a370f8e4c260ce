import { memo, useMemo } from "react";
import { ViewportPortal } from "@xyflow/react";
import type { Board } from "@/lib/valuechain/model";
import { channelPath } from "../channelPath";
import { channelName } from "./channelName";
import type { ChannelRoute } from "./routes";

interface ChannelFocusLayerProps {
  board: Board;
  routes: readonly ChannelRoute[];
  /** Channel ids along the chain (chainOrder): the Tab order. */
  order: readonly string[];
  selected: ReadonlySet<string>;
  onSelect: (id: string, additive: boolean) => void;
  onFocusChange: (id: string | null) => void;
}

/**
 * What keyboards and screen readers reach channels by: a button per channel, at the middle of
 * its line, named by its flow and its ends. It sits after the cards in the page (React Flow's
 * viewport portal), so Tab goes along the players first, then along the channels, in the
 * order of the chain. It takes no pointer events: the lines themselves take clicks.
 */
export function ChannelFocusLayer({ board, routes, order, selected, onSelect, onFocusChange }: ChannelFocusLayerProps) {
  const names = useMemo(() => new Map(board.players.map((p) => [p.id, p.name.trim() || "Unnamed"])), [board.players]);
  const byId = useMemo(() => new Map(routes.map((r) => [r.channel.id, r])), [routes]);
  return (
    <ViewportPortal>
      <div role="list" aria-label="Channels">
        {order.map((id) => {
          const r = byId.get(id);
          if (!r) return null;
          return (
            <ChannelFocus
              key={id}
              id={id}
              name={channelName(r.channel, (p) => names.get(p) ?? p)}
              sx={r.sx}
              sy={r.sy}
              tx={r.tx}
              ty={r.ty}
              lane={r.lane}
              selected={selected.has(id)}
              onSelect={onSelect}
              onFocusChange={onFocusChange}
            />
          );
        })}
      </div>
    </ViewportPortal>
  );
}

interface ChannelFocusProps {
  id: string;
  name: string;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  lane: number;
  selected: boolean;
  onSelect: (id: string, additive: boolean) => void;
  onFocusChange: (id: string | null) => void;
}

const ChannelFocus = memo(function ChannelFocus({ id, name, sx, sy, tx, ty, lane, selected, onSelect, onFocusChange }: ChannelFocusProps) {
  const [, x, y] = channelPath(sx, sy, tx, ty, lane);
  return (
    <div role="listitem" className="pointer-events-none absolute top-0 left-0" style={{ transform: `translate(${x}px, ${y}px)` }}>
      <button
        type="button"
        data-testid="channel-focus"
        data-id={id}
        aria-label={name}
        aria-pressed={selected}
        onFocus={() => onFocusChange(id)}
        onBlur={() => onFocusChange(null)}
        onClick={(event) => onSelect(id, event.shiftKey || event.ctrlKey || event.metaKey)}
        className="nodrag nopan pointer-events-none absolute size-7 -translate-1/2 rounded-full opacity-0 outline-none focus-visible:opacity-100 focus-visible:ring-4 focus-visible:ring-indigo-500"
      />
    </div>
  );
});
