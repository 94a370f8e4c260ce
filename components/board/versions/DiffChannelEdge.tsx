import { memo } from "react";
import type { EdgeProps } from "@xyflow/react";
import { ChannelEdge } from "../ChannelEdge";
import { channelPath } from "@/lib/canvas/channelPath";
import { DIFF_STYLE } from "./diffStyle";
import type { VersionFlowEdge } from "./versionFlow";

/**
 * A channel in the compare view: the ordinary channel over a wide band in the colour of the
 * difference (dashed and faded for a removed one), with the changed fields as its tooltip.
 */
function DiffChannelEdgeView(props: EdgeProps<VersionFlowEdge>) {
  const mark = props.data?.mark;
  if (!mark || !props.data) return <ChannelEdge {...props} />;
  const { color, label } = DIFF_STYLE[mark.kind];
  const [path] = channelPath(props.sourceX, props.sourceY, props.targetX, props.targetY, props.data.lane);
  const ghost = mark.kind === "removed";
  const title = mark.details.length ? [`Channel ${label.toLowerCase()}:`, ...mark.details].join("\n") : `Channel ${label.toLowerCase()}`;
  return (
    <g data-testid="diff-channel" data-diff={mark.kind} opacity={ghost ? 0.55 : 1}>
      <path d={path} fill="none" stroke={color} strokeOpacity={0.45} strokeWidth={10} strokeLinecap="round" strokeDasharray={ghost ? "10 8" : undefined} />
      <ChannelEdge {...props} />
      <path d={path} fill="none" stroke="transparent" strokeWidth={16} style={{ pointerEvents: "stroke" }}>
        <title>{title}</title>
      </path>
    </g>
  );
}

export const DiffChannelEdge = memo(DiffChannelEdgeView);
