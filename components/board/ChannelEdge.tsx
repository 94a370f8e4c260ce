import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, useStoreApi, type EdgeProps } from "@xyflow/react";
import type { ChannelFlowEdge } from "@/lib/canvas/flow";
import { channelPath } from "@/lib/canvas/channelPath";
import { arrowMarkerId, FLOW_STYLE, SELECTED_EDGE_COLOR } from "@/lib/canvas/flowStyle";
import { useIsHighlighted } from "./hooks/useIsHighlighted";

function ChannelEdgeView({ id, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<ChannelFlowEdge>) {
  const store = useStoreApi();
  const highlighted = useIsHighlighted("channels", id);
  if (!data) return null;
  const { channel, remote, lane } = data;
  const style = FLOW_STYLE[channel.flow];
  const [path, labelX, labelY] = channelPath(sourceX, sourceY, targetX, targetY, lane);
  const text = [channel.label, channel.share !== undefined ? `${channel.share}%` : ""].filter(Boolean).join(" · ");

  return (
    <>
      {highlighted && <path data-testid="channel-highlight" d={path} fill="none" stroke="#fbbf24" strokeOpacity={0.8} strokeWidth={style.width + 10} strokeLinecap="round" />}
      {remote.map((r, i) => (
        <path key={`${r.name}${r.color}`} d={path} fill="none" stroke={r.color} strokeOpacity={0.35} strokeWidth={style.width + 6 + 4 * i} />
      ))}
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#${arrowMarkerId(channel.flow, selected === true)})`}
        style={{
          stroke: selected ? SELECTED_EDGE_COLOR : style.color,
          strokeWidth: selected ? style.width + 1 : style.width,
          strokeDasharray: style.dash,
          strokeLinecap: "round",
        }}
      />
      {text && (
        <EdgeLabelRenderer>
          {/* The label sits on the line and hides part of it, so it selects the channel too. */}
          <div
            data-testid="channel-label"
            onClick={() => store.getState().addSelectedEdges([id])}
            className={`nodrag nopan pointer-events-auto absolute cursor-pointer rounded-md border bg-white px-1.5 py-0.5 text-xs font-medium shadow-sm ${selected ? "border-indigo-400 text-indigo-700" : "border-slate-200 text-slate-700"}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {text}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ChannelEdge = memo(ChannelEdgeView);
