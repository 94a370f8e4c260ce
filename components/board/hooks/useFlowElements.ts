import { useCallback, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { OnEdgesChange, OnNodesChange } from "@xyflow/react";
import {
  keepUnchanged,
  measuredAfter,
  positionMoves,
  sameEdge,
  sameNode,
  selectionAfter,
  toFlowEdges,
  toFlowNodes,
  type ChannelFlowEdge,
  type PlayerFlowNode,
  type Size,
} from "@/lib/collab/flow";
import { remoteSelections, sameRemoteSelections } from "@/lib/collab/presence";
import type { Board } from "@/lib/valuechain/model";
import { useDraggedPositions } from "./useDraggedPositions";
import { usePresence } from "./usePresence";
import { useSession } from "./useSession";

type Selection = readonly string[];

/**
 * The board as React Flow nodes and edges, and the handlers that feed React Flow's changes
 * back: drags to the document, selection and measured sizes to local state. Nodes and edges
 * that did not change keep their identity, so a change re-renders only the cards it touches.
 */
export function useFlowElements(board: Board, selection: Selection, setSelection: Dispatch<SetStateAction<Selection>>) {
  const { session, canEdit } = useSession();
  const remote = usePresence(session.provider.awareness, remoteSelections, sameRemoteSelections);
  const drag = useDraggedPositions(session, canEdit);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());

  const previous = useRef<{ nodes: PlayerFlowNode[]; edges: ChannelFlowEdge[] }>({ nodes: [], edges: [] });
  const nodes = useMemo(
    () =>
      keepUnchanged(
        previous.current.nodes,
        toFlowNodes(board, { selectedIds: selection, remoteSelections: remote, positions: drag.positions, measured }),
        sameNode,
      ),
    [board, selection, remote, drag.positions, measured],
  );
  const edges = useMemo(
    () => keepUnchanged(previous.current.edges, toFlowEdges(board, { selectedIds: selection, remoteSelections: remote }), sameEdge),
    [board, selection, remote],
  );
  useLayoutEffect(() => {
    previous.current = { nodes, edges };
  }, [nodes, edges]);

  const { move } = drag;
  const onNodesChange = useCallback<OnNodesChange<PlayerFlowNode>>(
    (changes) => {
      setMeasured((prev) => measuredAfter(prev, changes));
      move(positionMoves(changes));
      setSelection((prev) => selectionAfter(prev, changes));
    },
    [move, setSelection],
  );
  const onEdgesChange = useCallback<OnEdgesChange<ChannelFlowEdge>>(
    (changes) => setSelection((prev) => selectionAfter(prev, changes)),
    [setSelection],
  );

  return { nodes, edges, onNodesChange, onEdgesChange };
}
