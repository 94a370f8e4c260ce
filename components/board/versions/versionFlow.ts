import type { Edge, Node } from "@xyflow/react";
import { CHANNEL_EDGE, PLAYER_NODE, toFlowEdges, toFlowNodes, type ChannelEdgeData, type PlayerNodeData } from "@/lib/collab/flow";
import type { Board } from "@/lib/valuechain/model";
import type { CompareScene, DiffMark } from "./compareScene";

/** A player card of a version or a comparison, with how it differs (compare view only). */
export type VersionNodeData = PlayerNodeData & { mark?: DiffMark };
export type VersionFlowNode = Node<VersionNodeData, typeof PLAYER_NODE>;
export type VersionEdgeData = ChannelEdgeData & { mark?: DiffMark };
export type VersionFlowEdge = Edge<VersionEdgeData, typeof CHANNEL_EDGE>;

const NOTHING_SELECTED = { selectedIds: [] };

/** A saved board as read-only React Flow elements; with a scene, marked and with the removed ones drawn beneath. */
export function versionElements(board: Board, scene?: CompareScene): { nodes: VersionFlowNode[]; edges: VersionFlowEdge[] } {
  const shown = scene?.board ?? board;
  const nodes: VersionFlowNode[] = toFlowNodes(shown, NOTHING_SELECTED).map((node) => {
    const mark = scene?.players.get(node.id);
    return { ...node, draggable: false, connectable: false, selectable: false, data: { ...node.data, mark } };
  });
  const edges: VersionFlowEdge[] = toFlowEdges(shown, NOTHING_SELECTED).map((edge) => {
    const mark = scene?.channels.get(edge.id);
    return { ...edge, selectable: false, data: edge.data && { ...edge.data, mark } };
  });
  // Ghosts first, so whatever took their place is drawn over them.
  const ghostsFirst = <T extends { data?: { mark?: DiffMark } }>(a: T, b: T) => Number(b.data?.mark?.kind === "removed") - Number(a.data?.mark?.kind === "removed");
  return { nodes: nodes.sort(ghostsFirst), edges: edges.sort(ghostsFirst) };
}
