import { memo, useContext } from "react";
import { EdgeLabelRenderer, ViewportPortal } from "@xyflow/react";
import type { PlayerFlowNode } from "@/lib/canvas/flow";
import { CARD_HEIGHT, CARD_WIDTH } from "../boardCommands";
import type { ChannelRoute } from "../channels/routes";
import { useStableSplit } from "../channels/useStableSplit";
import { KIND_STYLE } from "../kindStyle";
import { StrategyViewContext } from "../StrategyViewContext";
import { STRATEGY_STYLE } from "../strategyStyle";
import { FarChannel } from "./FarChannel";
import { FarPlayer } from "./FarPlayer";

interface FarOverviewProps {
  nodes: readonly PlayerFlowNode[];
  routes: readonly ChannelRoute[];
  selected: ReadonlySet<string>;
  /** Players being dragged here. */
  moving: ReadonlySet<string>;
  /** The channel that has the keyboard focus. */
  focused: string | null;
}

/**
 * The whole board drawn as one picture when zoomed far out (zoomLevels.ts). React Flow's cards
 * stay in place, invisible, to be grabbed, dragged, selected and focused; what shows is two svg
 * elements: everything at rest beneath the cards, and the cards being dragged with their
 * channels in a layer of their own above them. Moving one card then repaints a handful of
 * shapes on a layer of their own, whatever the size of the board, where a thousand painted
 * cards made the browser re-layer and re-raster the whole canvas every frame.
 */
export function FarOverview({ nodes, routes, selected, moving, focused }: FarOverviewProps) {
  const strategyView = useContext(StrategyViewContext);
  const [stillNodes, liveNodes] = useStableSplit(nodes, (n) => moving.has(n.id));
  const [stillRoutes, liveRoutes] = useStableSplit(routes, (r) => moving.has(r.channel.from) || moving.has(r.channel.to));
  return (
    <>
      <EdgeLabelRenderer>
        <OverviewGroup testId="overview" nodes={stillNodes} routes={stillRoutes} selected={selected} focused={focused} strategyView={strategyView} />
      </EdgeLabelRenderer>
      <ViewportPortal>
        <OverviewGroup testId="overview-moving" nodes={liveNodes} routes={liveRoutes} selected={selected} focused={focused} strategyView={strategyView} layer />
      </ViewportPortal>
    </>
  );
}

interface OverviewGroupProps {
  testId: string;
  nodes: readonly PlayerFlowNode[];
  routes: readonly ChannelRoute[];
  selected: ReadonlySet<string>;
  focused: string | null;
  strategyView: boolean;
  /** A compositing layer of its own: above every card, so nothing over it forces more layers. */
  layer?: boolean;
}

const OverviewGroup = memo(function OverviewGroup({ testId, nodes, routes, selected, focused, strategyView, layer }: OverviewGroupProps) {
  return (
    <svg aria-hidden data-testid={testId} className="pointer-events-none absolute top-0 left-0 overflow-visible" width={1} height={1} style={layer ? { willChange: "transform" } : undefined}>
      {routes.map((r) => (
        <FarChannel key={r.channel.id} id={r.channel.id} flow={r.channel.flow} sx={r.sx} sy={r.sy} tx={r.tx} ty={r.ty} lane={r.lane} selected={selected.has(r.channel.id) || focused === r.channel.id} />
      ))}
      {nodes.map((n) => {
        const { player, remote } = n.data;
        return (
          <FarPlayer
            key={n.id}
            id={n.id}
            x={n.position.x}
            y={n.position.y}
            width={n.measured?.width ?? CARD_WIDTH}
            height={n.measured?.height ?? CARD_HEIGHT}
            color={strategyView ? STRATEGY_STYLE[player.strategy].color : KIND_STYLE[player.kind].color}
            isUs={player.isUs}
            selected={selected.has(n.id)}
            remoteColor={remote[0]?.color}
          />
        );
      })}
    </svg>
  );
});
