import { useMemo, useRef } from "react";
import type { PlayerFlowNode } from "@/lib/canvas/flow";
import { liveChannels, type Board, type Channel } from "@/lib/valuechain/model";
import { CARD_HEIGHT, CARD_WIDTH } from "../boardCommands";
import { channelLanes, channelRoutes, type Box, type ChannelRoute } from "../channels/routes";

const boxOf = (n: PlayerFlowNode): Box => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? CARD_WIDTH, height: n.measured?.height ?? CARD_HEIGHT });
const sameBox = (a: PlayerFlowNode, b: PlayerFlowNode) =>
  a.position.x === b.position.x && a.position.y === b.position.y && a.measured?.width === b.measured?.width && a.measured?.height === b.measured?.height;

interface Routed {
  live: readonly Channel[];
  nodes: readonly PlayerFlowNode[];
  routes: readonly ChannelRoute[];
  /** Player id → index in `nodes`; channel id → index in `routes`. */
  nodeAt: ReadonlyMap<string, number>;
  routeAt: ReadonlyMap<string, number>;
}

/**
 * The line of every channel between the cards as they are shown now (a card being dragged
 * included). Lanes and the channels of each player are worked out when channels change; on a
 * frame where only some cards moved, only their channels are routed again and every other
 * route keeps its object, so a drag on a board of thousands of channels costs a handful.
 */
export function useChannelRoutes(board: Board, nodes: readonly PlayerFlowNode[]): readonly ChannelRoute[] {
  const live = useLiveChannels(board);
  const lanes = useMemo(() => channelLanes(live), [live]);
  const touching = useMemo(() => {
    const byPlayer = new Map<string, Channel[]>();
    for (const c of live) for (const end of [c.from, c.to]) (byPlayer.get(end) ?? byPlayer.set(end, []).get(end)!).push(c);
    return byPlayer;
  }, [live]);
  const last = useRef<Routed | null>(null);

  return useMemo(() => {
    const before = last.current;
    const sameCards = before && before.live === live && before.nodes.length === nodes.length && nodes.every((n, i) => n.id === before.nodes[i].id);
    last.current = sameCards ? reroute(before, nodes, lanes, touching) : routeAll(live, lanes, nodes);
    return last.current.routes;
  }, [live, lanes, touching, nodes]);
}

function routeAll(live: readonly Channel[], lanes: ReadonlyMap<string, number>, nodes: readonly PlayerFlowNode[]): Routed {
  const routes = channelRoutes(live, lanes, new Map(nodes.map((n) => [n.id, boxOf(n)])));
  return { live, nodes, routes, nodeAt: new Map(nodes.map((n, i) => [n.id, i])), routeAt: new Map(routes.map((r, i) => [r.channel.id, i])) };
}

/** The routes of the channels of the cards that moved since `before`; the others kept as they were. */
function reroute(before: Routed, nodes: readonly PlayerFlowNode[], lanes: ReadonlyMap<string, number>, touching: ReadonlyMap<string, Channel[]>): Routed {
  const moved = new Set<Channel>();
  nodes.forEach((n, i) => {
    const old = before.nodes[i];
    if (n !== old && !sameBox(n, old)) for (const c of touching.get(n.id) ?? []) moved.add(c);
  });
  if (!moved.size) return { ...before, nodes };
  const boxes = new Map<string, Box>();
  for (const c of moved) for (const end of [c.from, c.to]) if (!boxes.has(end)) boxes.set(end, boxOf(nodes[before.nodeAt.get(end)!]));
  const routes = before.routes.slice();
  for (const route of channelRoutes([...moved], lanes, boxes)) {
    const at = before.routeAt.get(route.channel.id);
    if (at !== undefined) routes[at] = route;
  }
  return { ...before, nodes, routes };
}

/** The channels whose two players exist: the same array while channels and the set of players stay (a drag changes neither). */
function useLiveChannels(board: Board): readonly Channel[] {
  const last = useRef<{ channels: readonly Channel[]; players: readonly { id: string }[]; live: readonly Channel[] } | null>(null);
  const before = last.current;
  if (before && before.channels === board.channels && (before.players === board.players || (before.players.length === board.players.length && board.players.every((p, i) => p.id === before.players[i].id)))) {
    return before.live;
  }
  const live = liveChannels(board);
  last.current = { channels: board.channels, players: board.players, live };
  return live;
}
