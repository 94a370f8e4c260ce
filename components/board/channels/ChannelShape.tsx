import { memo, type MouseEvent } from "react";
import type { RemoteSelector } from "@/lib/collab/presence";
import type { Flow } from "@/lib/valuechain/model";
import { channelPath } from "@/lib/canvas/channelPath";
import { arrowMarkerId, FLOW_STYLE, SELECTED_EDGE_COLOR } from "@/lib/canvas/flowStyle";
import { useIsHighlighted } from "../hooks/useIsHighlighted";

interface ChannelShapeProps {
  id: string;
  flow: Flow;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  lane: number;
  selected: boolean;
  remote: readonly RemoteSelector[];
  /** Has the keyboard focus: a ring follows the whole line. */
  focused: boolean;
  onSelect: (id: string, event: MouseEvent) => void;
}

/** Width of the invisible stroke that takes clicks, so a thin dotted line is easy to hit. */
const HIT_WIDTH = 16;

/**
 * One channel's line: the highlight of the questions panel, other people's selections, the
 * line in its flow's style with its arrowhead, and a wide transparent stroke that selects it.
 * Props are plain values, so a channel whose ends did not move is not drawn again.
 */
function ChannelShapeView({ id, flow, sx, sy, tx, ty, lane, selected, remote, focused, onSelect }: ChannelShapeProps) {
  const highlighted = useIsHighlighted("channels", id);
  const style = FLOW_STYLE[flow];
  const [path] = channelPath(sx, sy, tx, ty, lane);
  return (
    <g data-testid="channel" data-id={id} data-flow={flow} data-selected={selected || undefined}>
      {focused && <path data-testid="channel-focus-ring" d={path} fill="none" stroke="#4f46e5" strokeOpacity={0.45} strokeWidth={style.width + 9} strokeLinecap="round" />}
      {highlighted && <path data-testid="channel-highlight" d={path} fill="none" stroke="#fbbf24" strokeOpacity={0.8} strokeWidth={style.width + 10} strokeLinecap="round" />}
      {remote.map((r, i) => (
        <path key={`${r.name}${r.color}`} d={path} fill="none" stroke={r.color} strokeOpacity={0.35} strokeWidth={style.width + 6 + 4 * i} />
      ))}
      <path
        d={path}
        fill="none"
        stroke={selected ? SELECTED_EDGE_COLOR : style.color}
        strokeWidth={selected ? style.width + 1 : style.width}
        strokeDasharray={style.dash}
        strokeLinecap="round"
        markerEnd={`url(#${arrowMarkerId(flow, selected)})`}
      />
      <path d={path} fill="none" stroke="transparent" strokeWidth={HIT_WIDTH} pointerEvents="stroke" className="cursor-pointer" onClick={(event) => onSelect(id, event)} />
    </g>
  );
}

export const ChannelShape = memo(ChannelShapeView, (a, b) => {
  for (const key of Object.keys(a) as (keyof ChannelShapeProps)[]) if (a[key] !== b[key]) return false;
  return true;
});
