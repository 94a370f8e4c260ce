import type { Edge, Node } from "@xyflow/react";
import { CHANNEL_EDGE, PLAYER_NODE, toFlowEdges, toFlowNodes, type ChannelEdgeData, type PlayerNodeData } from "@/lib/canvas/flow";
import type { Board } from "@/lib/valuechain/model";
import type { CompareScene, DiffMark } from "./compareScene";

/** A player card of a version or a comparison, with how it differs (compare view only). */
export type VersionNodeData = PlayerNodeData & { mark?: DiffMark };
export type VersionFlowNode = Node<VersionNodeData, typeof PLAYER_NODE>;
export type VersionEdgeData = ChannelEdgeData & { mark?: DiffMark };
export type VersionFlowEdge = Edge<VersionEdgeData, typeof CHANNEL_EDGE>;

const NOTHING: readonly string[] = [];

interface VersionElementsOptions {
  /** The comparison's marks; none to show a version as it is. */
  scene?: CompareScene;
  /** Cards and channels that can be selected to be read in the inspector (a version, not a comparison). */
  selectable?: boolean;
  selected?: readonly string[];
}

/** A saved board as read-only React Flow elements; with a scene, marked and with the removed ones drawn beneath. */
export function versionElements(board: Board, { scene, selectable = false, selected = NOTHING }: VersionElementsOptions = {}): { nodes: VersionFlowNode[]; edges: VersionFlowEdge[] } {
  const shown = scene?.board ?? board;
  const selection = { selectedIds: selectable ? selected : NOTHING };
  const nodes: VersionFlowNode[] = toFlowNodes(shown, selection).map((node) => {
    const mark = scene?.players.get(node.id);
    return { ...node, draggable: false, connectable: false, selectable, data: { ...node.data, mark } };
  });
  const edges: VersionFlowEdge[] = toFlowEdges(shown, selection).map((edge) => {
    const mark = scene?.channels.get(edge.id);
    return { ...edge, selectable, data: edge.data && { ...edge.data, mark } };
  });
  // Ghosts first, so whatever took their place is drawn over them.
  const ghostsFirst = <T extends { data?: { mark?: DiffMark } }>(a: T, b: T) => Number(b.data?.mark?.kind === "removed") - Number(a.data?.mark?.kind === "removed");
  return { nodes: nodes.sort(ghostsFirst), edges: edges.sort(ghostsFirst) };
}

/** The same elements with `selected` marked, keeping every element whose mark did not change (and its measured size). */
export function withSelection<T extends { id: string; selected?: boolean }>(elements: T[], selected: readonly string[]): T[] {
  const ids = new Set(selected);
  return elements.map((element) => (Boolean(element.selected) === ids.has(element.id) ? element : { ...element, selected: ids.has(element.id) }));
}
