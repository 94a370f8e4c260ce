import { memo } from "react";
import type { Flow } from "@/lib/valuechain/model";
import { channelPath } from "@/lib/canvas/channelPath";
import { FLOW_STYLE, SELECTED_EDGE_COLOR } from "@/lib/canvas/flowStyle";
import { useIsHighlighted } from "../hooks/useIsHighlighted";

interface FarChannelProps {
  id: string;
  flow: Flow;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  lane: number;
  selected: boolean;
}

/**
 * A channel seen from far out: a hairline one screen pixel wide, without dashes or arrowheads.
 * Dashes a fiftieth of a pixel long cost the rasteriser millions of segments and would show as
 * nothing; commercial and influence lines are told apart by colour and strength instead.
 */
function FarChannelView({ id, flow, sx, sy, tx, ty, lane, selected }: FarChannelProps) {
  const highlighted = useIsHighlighted("channels", id);
  const [path] = channelPath(sx, sy, tx, ty, lane);
  const stroke = highlighted ? "#f59e0b" : selected ? SELECTED_EDGE_COLOR : FLOW_STYLE[flow].color;
  return (
    <path
      data-testid="far-channel"
      data-id={id}
      d={path}
      fill="none"
      stroke={stroke}
      strokeOpacity={flow === "goods" || selected || highlighted ? 0.9 : 0.55}
      strokeWidth={selected || highlighted ? 3 : 1}
      vectorEffect="non-scaling-stroke"
    />
  );
}

export const FarChannel = memo(FarChannelView);
