import { useCallback, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { OnNodesChange } from "@xyflow/react";
import { measuredAfter, positionMoves, projectNodes, selectionAfter, type PlayerFlowNode, type Size } from "@/lib/canvas/flow";
import { remoteSelections, sameRemoteSelections } from "@/lib/collab/presence";
import type { Board } from "@/lib/valuechain/model";
import { useDraggedPositions } from "./useDraggedPositions";
import { usePresence } from "./usePresence";
import { useSession } from "./useSession";

type Selection = readonly string[];

/**
 * The board's players as React Flow nodes, and the handler that feeds React Flow's changes
 * back: drags to the document, selection and measured sizes to local state. Nodes that did
 * not change keep their identity, so a change re-renders only the cards it touches. Channels
 * are drawn by the canvas's own channel layer (ChannelLayer), not as React Flow edges.
 */
export function useFlowElements(board: Board, selection: Selection, setSelection: Dispatch<SetStateAction<Selection>>, far: boolean) {
  const { session, canEdit } = useSession();
  const remote = usePresence(session.provider.awareness, remoteSelections, sameRemoteSelections);
  const drag = useDraggedPositions(session, canEdit);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());

  const previous = useRef<PlayerFlowNode[]>([]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(
    () => projectNodes(board, { selectedIds: selected, remoteSelections: remote, positions: drag.positions, measured }, previous.current),
    [board, selected, remote, drag.positions, measured],
  );
  useLayoutEffect(() => {
    previous.current = nodes;
  }, [nodes]);

  // Zoomed far out, React Flow's cards are invisible hit boxes and the far overview draws the
  // board (overview/FarOverview.tsx). Their positions then stay where a drag started until it
  // ends: React Flow follows the pointer on its own, and feeding it a thousand nodes every
  // frame only to move an invisible box was the largest cost of a drag on a big board.
  const held = useHeldPositions(drag.positions, previous.current);
  const previousFlow = useRef<PlayerFlowNode[]>([]);
  const flowNodes = useMemo(
    () => (far ? projectNodes(board, { selectedIds: selected, remoteSelections: remote, positions: held, measured }, previousFlow.current) : nodes),
    [far, nodes, board, selected, remote, held, measured],
  );
  useLayoutEffect(() => {
    previousFlow.current = flowNodes;
  }, [flowNodes]);

  const { move } = drag;
  const onNodesChange = useCallback<OnNodesChange<PlayerFlowNode>>(
    (changes) => {
      setMeasured((prev) => measuredAfter(prev, changes));
      move(positionMoves(changes));
      setSelection((prev) => selectionAfter(prev, changes));
    },
    [move, setSelection],
  );
  return { nodes, flowNodes, remote, dragged: drag.positions, onNodesChange };
}

type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** For each card being dragged, where it was when its drag began; the same map until a drag starts or ends. */
function useHeldPositions(dragged: Positions, shown: readonly PlayerFlowNode[]): Positions {
  const held = useRef<Positions>(new Map());
  const current = held.current;
  const sameIds = current.size === dragged.size && [...dragged.keys()].every((id) => current.has(id));
  if (!sameIds) {
    const next = new Map<string, { x: number; y: number }>();
    for (const id of dragged.keys()) next.set(id, current.get(id) ?? shown.find((n) => n.id === id)?.position ?? dragged.get(id)!);
    held.current = next;
  }
  return held.current;
}
