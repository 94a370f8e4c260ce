/**
 * Sticky notes and frames as React Flow nodes, beside the players (flow.ts). Frames sit at a
 * z-index far below the cards, so even selected (React Flow lifts a selected node by 1,000)
 * they stay behind what they hold. Only types come from @xyflow/react.
 */
import type { Node } from "@xyflow/react";
import { NOTE_SIZE, type Board, type Frame, type Note } from "../valuechain/model";
import { frameHolds } from "../valuechain/discussion";

export const NOTE_NODE = "note";
export const FRAME_NODE = "frame";
const FRAME_Z = -2000;

export type NoteFlowNode = Node<{ note: Note }, typeof NOTE_NODE>;
export type FrameFlowNode = Node<{ frame: Frame }, typeof FRAME_NODE>;

type Positions = ReadonlyMap<string, { x: number; y: number }>;

function keep<T extends Node>(previous: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  let changed = previous.length !== next.length;
  const out = next.map((n, i) => {
    const old = before.get(n.id);
    if (old && same(old, n)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return n;
  });
  return changed ? out : (previous as T[]);
}

const samePlace = (a: Node, b: Node) => a.position.x === b.position.x && a.position.y === b.position.y && a.selected === b.selected;

export function projectNotes(board: Board, selected: ReadonlySet<string>, positions: Positions | undefined, previous: readonly NoteFlowNode[]): NoteFlowNode[] {
  const nodes = (board.notes ?? []).map(
    (note): NoteFlowNode => ({
      id: note.id,
      type: NOTE_NODE,
      position: positions?.get(note.id) ?? { x: note.x, y: note.y },
      selected: selected.has(note.id),
      ariaLabel: `Sticky note: ${note.text.trim() || "empty"}`,
      data: { note },
    }),
  );
  return keep(previous, nodes, (a, b) => samePlace(a, b) && a.data.note === b.data.note);
}

export function projectFrames(
  board: Board,
  selected: ReadonlySet<string>,
  positions: Positions | undefined,
  previous: readonly FrameFlowNode[],
  resizing: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): FrameFlowNode[] {
  const nodes = (board.frames ?? []).map(
    (frame): FrameFlowNode => ({
      id: frame.id,
      type: FRAME_NODE,
      position: positions?.get(frame.id) ?? { x: frame.x, y: frame.y },
      selected: selected.has(frame.id),
      width: resizing.get(frame.id)?.width ?? frame.width,
      height: resizing.get(frame.id)?.height ?? frame.height,
      zIndex: FRAME_Z,
      ariaLabel: `Frame: ${frame.title.trim() || "untitled"}`,
      data: { frame },
    }),
  );
  return keep(previous, nodes, (a, b) => samePlace(a, b) && a.data.frame === b.data.frame && a.width === b.width && a.height === b.height);
}

/**
 * What a frame carries when it moves: the players and notes whose middle lies inside it,
 * other frames excluded (frames do not nest), with where they are now.
 */
export function frameContents(board: Board, frame: Frame, cardSize: (id: string) => { width: number; height: number }): { id: string; x: number; y: number }[] {
  const inside: { id: string; x: number; y: number }[] = [];
  for (const p of board.players) {
    const size = cardSize(p.id);
    if (frameHolds(frame, { x: p.x + size.width / 2, y: p.y + size.height / 2 })) inside.push({ id: p.id, x: p.x, y: p.y });
  }
  for (const n of board.notes ?? []) {
    if (frameHolds(frame, { x: n.x + NOTE_SIZE.width / 2, y: n.y + NOTE_SIZE.height / 2 })) inside.push({ id: n.id, x: n.x, y: n.y });
  }
  return inside;
}
