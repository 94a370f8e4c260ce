/**
 * The bridge between the plain board and React Flow, both ways, with no React in it:
 *   board → nodes and edges (toFlowNodes, toFlowEdges), keeping unchanged objects so React
 *           Flow only re-renders what changed (keepUnchanged);
 *   React Flow changes → what to write through boardDoc (positionMoves, channelFromConnection)
 *           and the local selection and measured sizes React Flow needs back.
 * Only types come from @xyflow/react, so this module runs anywhere. It reads plain boards and
 * presence, never the Yjs document: the canvas's adapter, not part of the document layer.
 */
import type { Connection, Edge, EdgeChange, Node, NodeChange } from "@xyflow/react";
import { KIND_LABELS } from "../valuechain/labels";
import { liveChannels, sameChannel, samePlayer, type Board, type Channel, type Player } from "../valuechain/model";
import { sameSelectors, type RemoteSelector } from "../collab/presence";

export const PLAYER_NODE = "player";
export const CHANNEL_EDGE = "channel";

export type PlayerNodeData = { player: Player; remote: readonly RemoteSelector[] };
export type ChannelEdgeData = {
  channel: Channel;
  remote: readonly RemoteSelector[];
  /**
   * Parallel channels between the same two players are drawn side by side: the lane is the
   * signed offset from the straight route, in units of one lane, measured towards the left
   * of the direction from the smaller player id to the larger (so A→B and B→A never overlap).
   */
  lane: number;
};
export type PlayerFlowNode = Node<PlayerNodeData, typeof PLAYER_NODE>;
export type ChannelFlowEdge = Edge<ChannelEdgeData, typeof CHANNEL_EDGE>;

export interface Size {
  width: number;
  height: number;
}

export interface ProjectionOptions {
  selectedIds: Iterable<string>;
  remoteSelections?: ReadonlyMap<string, readonly RemoteSelector[]>;
  /** Positions being dragged here, shown ahead of the document (which is written at ~30/s). */
  positions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Sizes React Flow measured; a node without them would be hidden and measured again. */
  measured?: ReadonlyMap<string, Size>;
}

const NOBODY: readonly RemoteSelector[] = [];

/** What a screen reader calls a card: its name and kind, and "us" for us. */
export function cardName(player: Player): string {
  const name = player.name.trim() || "Unnamed player";
  const kind = KIND_LABELS[player.kind];
  const about = [name === kind ? "" : kind, player.isUs ? "us" : ""].filter(Boolean).join(", ");
  return about ? `${name} (${about})` : name;
}

export function toFlowNodes(board: Board, opts: ProjectionOptions): PlayerFlowNode[] {
  const selected = new Set(opts.selectedIds);
  return board.players.map((player) => {
    const node: PlayerFlowNode = {
      id: player.id,
      type: PLAYER_NODE,
      position: opts.positions?.get(player.id) ?? { x: player.x, y: player.y },
      selected: selected.has(player.id),
      ariaLabel: cardName(player),
      data: { player, remote: opts.remoteSelections?.get(player.id) ?? NOBODY },
    };
    const size = opts.measured?.get(player.id);
    if (size) node.measured = size;
    return node;
  });
}

/**
 * The nodes of `board` for the live canvas, reusing the node of the previous call (by id)
 * whenever its player object, selection, other people's selections, position and size are the
 * same: only cards that changed get a new object, so React Flow and the memoised cards skip
 * the rest. Costs one pass of identity checks, no allocation for unchanged cards, which
 * matters when a drag redraws a board of a thousand players every frame.
 */
export function projectNodes(board: Board, opts: ProjectionOptions, previous: readonly PlayerFlowNode[]): PlayerFlowNode[] {
  const selected = opts.selectedIds instanceof Set ? (opts.selectedIds as ReadonlySet<string>) : new Set(opts.selectedIds);
  // Players come sorted by id, so the previous node of a player is nearly always at the same
  // index; a map is built only when players came or went.
  let before: Map<string, PlayerFlowNode> | null = null;
  const previousOf = (id: string, i: number) => {
    if (previous[i]?.id === id) return previous[i];
    before ??= new Map(previous.map((n) => [n.id, n]));
    return before.get(id);
  };
  let changed = previous.length !== board.players.length;
  const nodes = board.players.map((player, i) => {
    const position = opts.positions?.get(player.id);
    const x = position?.x ?? player.x;
    const y = position?.y ?? player.y;
    const isSelected = selected.has(player.id);
    const remote = opts.remoteSelections?.get(player.id) ?? NOBODY;
    const size = opts.measured?.get(player.id);
    const old = previousOf(player.id, i);
    if (
      old &&
      // A card being dragged shows the drag's position: its player's own x and y do not matter.
      (old.data.player === player || (position !== undefined && samePlayer(old.data.player, player, { ignorePosition: true }))) &&
      old.position.x === x &&
      old.position.y === y &&
      old.selected === isSelected &&
      old.data.remote === remote &&
      old.measured?.width === size?.width &&
      old.measured?.height === size?.height
    ) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    const node: PlayerFlowNode = {
      id: player.id,
      type: PLAYER_NODE,
      position: { x, y },
      selected: isSelected,
      ariaLabel: cardName(player),
      data: { player, remote },
    };
    if (size) node.measured = size;
    return node;
  });
  return changed ? nodes : (previous as PlayerFlowNode[]);
}

/** Channels whose two players exist, as edges; a dangling channel (an end deleted) is skipped. */
export function toFlowEdges(board: Board, opts: ProjectionOptions): ChannelFlowEdge[] {
  const selected = new Set(opts.selectedIds);
  const live = liveChannels(board);
  const pairKey = (c: Channel) => (c.from < c.to ? `${c.from}\u0000${c.to}` : `${c.to}\u0000${c.from}`);
  const pairs = new Map<string, Channel[]>();
  for (const c of live) pairs.set(pairKey(c), [...(pairs.get(pairKey(c)) ?? []), c]);
  return live.map((channel) => {
    const siblings = pairs.get(pairKey(channel))!;
    const centred = siblings.indexOf(channel) - (siblings.length - 1) / 2;
    return {
      id: channel.id,
      type: CHANNEL_EDGE,
      source: channel.from,
      target: channel.to,
      selected: selected.has(channel.id),
      data: { channel, remote: opts.remoteSelections?.get(channel.id) ?? NOBODY, lane: centred === 0 || channel.from < channel.to ? centred : -centred },
    };
  });
}

/**
 * `next`, with every element equal to its previous version replaced by that previous object
 * (and the previous array itself when nothing changed), so memoised nodes and edges skip work.
 */
export function keepUnchanged<T extends { id: string }>(previous: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const kept = next.map((item, i) => {
    const old = before.get(item.id);
    if (old && same(old, item)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? kept : (previous as T[]);
}


export function sameNode(a: PlayerFlowNode, b: PlayerFlowNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    samePlayer(a.data.player, b.data.player) &&
    sameSelectors(a.data.remote, b.data.remote)
  );
}

export function sameEdge(a: ChannelFlowEdge, b: ChannelFlowEdge): boolean {
  return (
    a.selected === b.selected &&
    a.data !== undefined &&
    b.data !== undefined &&
    a.data.lane === b.data.lane &&
    sameChannel(a.data.channel, b.data.channel) &&
    sameSelectors(a.data.remote, b.data.remote)
  );
}

export interface PositionMove {
  id: string;
  x: number;
  y: number;
  /** False for the last change of a drag (and for keyboard moves): write it at once. */
  dragging: boolean;
}

/** The moves in a batch of React Flow node changes, rounded to whole flow units. */
export function positionMoves(changes: readonly NodeChange[]): PositionMove[] {
  const moves: PositionMove[] = [];
  for (const change of changes) {
    if (change.type !== "position" || !change.position) continue;
    moves.push({ id: change.id, x: Math.round(change.position.x), y: Math.round(change.position.y), dragging: change.dragging === true });
  }
  return moves;
}

/** The channel a drawn connection creates, or null for a connection that cannot be one. */
export function channelFromConnection(connection: Connection, id: string): Channel | null {
  const { source, target } = connection;
  if (!source || !target || source === target) return null;
  return { id, from: source, to: target, flow: "goods", label: "" };
}

/** The selection after React Flow's select changes; the same array when they change nothing. */
export function selectionAfter(selection: readonly string[], changes: readonly (NodeChange | EdgeChange)[]): readonly string[] {
  const next = new Set(selection);
  for (const change of changes) {
    if (change.type !== "select") continue;
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  if (next.size === selection.length && selection.every((id) => next.has(id))) return selection;
  return [...next];
}

/** Sizes after React Flow's dimension changes; the same map when they change nothing. */
export function measuredAfter(measured: ReadonlyMap<string, Size>, changes: readonly NodeChange[]): ReadonlyMap<string, Size> {
  let next: Map<string, Size> | null = null;
  for (const change of changes) {
    if (change.type !== "dimensions" || !change.dimensions) continue;
    const old = (next ?? measured).get(change.id);
    if (old && old.width === change.dimensions.width && old.height === change.dimensions.height) continue;
    next ??= new Map(measured);
    next.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
  }
  return next ?? measured;
}
