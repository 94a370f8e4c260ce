import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { movePlayers } from "@/lib/collab/boardDoc";
import { moveItems } from "@/lib/collab/discussionDoc";
import type { PositionMove } from "@/lib/canvas/flow";
import type { BoardSession } from "@/lib/collab/session";
import { throttle } from "../throttle";

/** ~30 writes a second while dragging: others see the drag live without flooding the server. */
const DRAG_WRITE_INTERVAL_MS = 33;

type Positions = ReadonlyMap<string, { x: number; y: number }>;
const NONE: Positions = new Map();

/**
 * Positions of the players, notes and frames being dragged here. They follow the pointer at full frame rate
 * while the document gets them throttled; the last position of a drag is written at once.
 * Each drag is one undo step of its own.
 */
export function useDraggedPositions({ doc, undo }: Pick<BoardSession, "doc" | "undo">, canEdit: boolean) {
  const [positions, setPositions] = useState<Positions>(NONE);
  const pending = useRef(new Map<string, { x: number; y: number }>());
  const dragging = useRef(false);

  const write = useCallback(() => {
    if (!pending.current.size) return;
    const moves = [...pending.current].map(([id, p]) => ({ id, ...p }));
    pending.current.clear();
    // Players, notes and frames dragged together move in one change.
    doc.transact(() => {
      movePlayers(doc, moves);
      moveItems(doc, moves);
    });
  }, [doc]);
  const writeSoon = useMemo(() => throttle(write, DRAG_WRITE_INTERVAL_MS), [write]);
  useEffect(
    () => () => {
      writeSoon.cancel();
      write();
    },
    [write, writeSoon],
  );

  const move = useCallback(
    (moves: readonly PositionMove[]) => {
      if (!canEdit || !moves.length) return;
      for (const { id, x, y } of moves) pending.current.set(id, { x, y });
      if (moves.some((m) => m.dragging)) {
        if (!dragging.current) undo.stopCapturing();
        dragging.current = true;
        writeSoon();
        setPositions((prev) => {
          const next = new Map(prev);
          for (const { id, x, y } of moves) next.set(id, { x, y });
          return next;
        });
        return;
      }
      // The document is re-read synchronously after a local write (useBoard), so the local
      // positions can go in the same render without the cards jumping back for a frame.
      writeSoon.cancel();
      write();
      if (dragging.current) undo.stopCapturing();
      dragging.current = false;
      setPositions((prev) => {
        if (!moves.some((m) => prev.has(m.id))) return prev;
        const next = new Map(prev);
        for (const { id } of moves) next.delete(id);
        return next.size ? next : NONE;
      });
    },
    [canEdit, undo, write, writeSoon],
  );

  return { positions, move };
}
