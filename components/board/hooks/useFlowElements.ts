import { useCallback, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { OnNodesChange } from "@xyflow/react";
import { measuredAfter, positionMoves, projectNodes, selectionAfter, type PlayerFlowNode, type PositionMove, type Size } from "@/lib/canvas/flow";
import { frameContents, projectFrames, projectNotes, type FrameFlowNode, type NoteFlowNode } from "@/lib/canvas/discussionNodes";
import { remoteSelections, sameRemoteSelections } from "@/lib/collab/presence";
import type { Board } from "@/lib/valuechain/model";
import { useDraggedPositions } from "./useDraggedPositions";
import { usePresence } from "./usePresence";
import { useSession } from "./useSession";

type Selection = readonly string[];
/** Everything React Flow draws: frames behind, then the cards, then the sticky notes. */
export type BoardFlowNode = PlayerFlowNode | NoteFlowNode | FrameFlowNode;
const DEFAULT_CARD = { width: 192, height: 100 };

/**
 * The board's players (with its notes and frames) as React Flow nodes, and the handler that feeds React Flow's changes
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

  const previousNotes = useRef<NoteFlowNode[]>([]);
  const previousFrames = useRef<FrameFlowNode[]>([]);
  const notes = useMemo(() => projectNotes(board, selected, drag.positions, previousNotes.current), [board, selected, drag.positions]);
  // A frame being resized shows its new size at once; the document gets it when the resize ends (FrameNode).
  const [resizing, setResizing] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const frames = useMemo(() => projectFrames(board, selected, drag.positions, previousFrames.current, resizing), [board, selected, drag.positions, resizing]);
  useLayoutEffect(() => {
    previousNotes.current = notes;
    previousFrames.current = frames;
  }, [notes, frames]);
  const allNodes = useMemo<BoardFlowNode[]>(() => (notes.length || frames.length ? [...frames, ...flowNodes, ...notes] : flowNodes), [frames, flowNodes, notes]);

  const latest = useRef({ board, measured });
  useLayoutEffect(() => {
    latest.current = { board, measured };
  });
  const carried = useRef(new Map<string, { start: { x: number; y: number }; contents: { id: string; x: number; y: number }[] }>());
  /** A frame's move carries what lies inside it, as it lay when the drag began. */
  const withFrameContents = useCallback((moves: PositionMove[], resized: ReadonlySet<string>): PositionMove[] => {
    const { board: now, measured: sizes } = latest.current;
    // A frame resized from its top or left edge moves too, but what is inside stays put.
    const frameIds = new Set((now.frames ?? []).map((f) => f.id).filter((id) => !resized.has(id)));
    if (!moves.some((m) => frameIds.has(m.id))) return moves;
    const moving = new Set(moves.map((m) => m.id));
    const extra: PositionMove[] = [];
    for (const m of moves) {
      const frame = frameIds.has(m.id) ? now.frames?.find((f) => f.id === m.id) : undefined;
      if (!frame) continue;
      let drag = carried.current.get(frame.id);
      if (!drag) {
        const contents = frameContents(now, frame, (id) => sizes.get(id) ?? DEFAULT_CARD).filter((c) => !moving.has(c.id));
        drag = { start: { x: frame.x, y: frame.y }, contents };
        carried.current.set(frame.id, drag);
      }
      const dx = m.x - drag.start.x;
      const dy = m.y - drag.start.y;
      for (const c of drag.contents) extra.push({ id: c.id, x: c.x + dx, y: c.y + dy, dragging: m.dragging });
      if (!m.dragging) carried.current.delete(frame.id);
    }
    return [...moves, ...extra];
  }, []);

  const { move } = drag;
  const onNodesChange = useCallback<OnNodesChange<BoardFlowNode>>(
    (changes) => {
      setMeasured((prev) => measuredAfter(prev, changes));
      const resized = new Set<string>();
      for (const c of changes) if (c.type === "dimensions" && c.resizing !== undefined) resized.add(c.id);
      if (resized.size) {
        setResizing((prev) => {
          const next = new Map(prev);
          for (const c of changes) {
            if (c.type !== "dimensions" || c.resizing === undefined) continue;
            if (c.resizing && c.dimensions) next.set(c.id, { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) });
            else next.delete(c.id);
          }
          return next;
        });
      }
      move(withFrameContents(positionMoves(changes), resized));
      setSelection((prev) => selectionAfter(prev, changes));
    },
    [move, setSelection, withFrameContents],
  );
  return { nodes, flowNodes: allNodes, remote, dragged: drag.positions, onNodesChange };
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
