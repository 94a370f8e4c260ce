/**
 * The board's discrete edits (add, connect, duplicate, delete, tidy), each as one change: one
 * update on the wire and its own undo step. The undo manager merges changes made within a
 * moment of each other, which suits typing and dragging but would make a quick "duplicate
 * then delete" undo as one.
 */
import { addChannel, addPlayer, deleteChannels, deletePlayers, movePlayers } from "@/lib/collab/boardDoc";
import { addFrame, addNote, deleteItems } from "@/lib/collab/discussionDoc";
import type { BoardSession } from "@/lib/collab/session";
import { tidyLayout } from "@/lib/valuechain/layout";
import { besideOffset, type Box } from "@/lib/valuechain/placement";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import { DEFAULT_NOTE_COLOR, makePlayer, type Author, type Board, type Channel, type PlayerKind } from "@/lib/valuechain/model";

type Editing = Pick<BoardSession, "doc" | "undo">;

export function asOneStep<T>({ doc, undo }: Editing, edit: () => T): T {
  undo.stopCapturing();
  const result = doc.transact(edit);
  undo.stopCapturing();
  return result;
}

/** Size of a player card on the canvas (PlayerNode). */
export const CARD_WIDTH = 192;
export const CARD_HEIGHT = 100;
/** The palette's drag-and-drop payload: the kind of player to drop on the canvas. */
export const KIND_DRAG_TYPE = "application/x-chainboard-kind";

/**
 * A random id. crypto.randomUUID only exists in secure contexts, and a self-hosted board is
 * often opened over plain http on a local network.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function addPlayerOfKind(session: Editing, kind: PlayerKind, at: { x: number; y: number }): string {
  const id = newId();
  asOneStep(session, () => addPlayer(session.doc, makePlayer({ id, name: KIND_LABELS[kind], kind, x: Math.round(at.x), y: Math.round(at.y) })));
  return id;
}

export function connectPlayers(session: Editing, channel: Channel): void {
  asOneStep(session, () => addChannel(session.doc, channel));
}

/** The cards of a board as boxes, at their measured sizes where known. */
export function cardBoxes(board: Board, sizeOf: (id: string) => { width: number; height: number } | undefined = () => undefined): Box[] {
  return board.players.map((p) => ({ x: p.x, y: p.y, ...(sizeOf(p.id) ?? { width: CARD_WIDTH, height: CARD_HEIGHT }) }));
}

/**
 * Copies of the given players beside the originals, in free space, with the channels between
 * two copied players copied too (a copied group keeps its shape). Returns the ids of the copies.
 */
export function duplicatePlayers(session: Editing, board: Board, ids: readonly string[], sizeOf?: (id: string) => { width: number; height: number } | undefined): string[] {
  const { doc } = session;
  const wanted = new Set(ids);
  const copies = new Map<string, string>();
  const boxes = cardBoxes(board, sizeOf);
  const originals = boxes.filter((_, i) => wanted.has(board.players[i].id));
  if (!originals.length) return [];
  const offset = besideOffset(boxes, originals);
  asOneStep(session, () => {
    for (const p of board.players) {
      if (!wanted.has(p.id)) continue;
      const id = newId();
      copies.set(p.id, id);
      addPlayer(doc, { ...p, id, name: `${p.name} (copy)`, x: p.x + offset.x, y: p.y + offset.y, isUs: false, aliases: [...p.aliases] });
    }
    for (const c of board.channels) {
      const from = copies.get(c.from);
      const to = copies.get(c.to);
      if (from && to) addChannel(doc, { ...c, id: newId(), from, to });
    }
  });
  return [...copies.values()];
}

/** Deletes the selected players (with every channel touching them), channels, notes and frames, as one change. */
export function deleteSelection(session: Editing, board: Board, ids: readonly string[]): void {
  const { doc } = session;
  const wanted = new Set(ids);
  const players = board.players.filter((p) => wanted.has(p.id)).map((p) => p.id);
  const channels = board.channels.filter((c) => wanted.has(c.id)).map((c) => c.id);
  const items = [...(board.notes ?? []), ...(board.frames ?? [])].filter((i) => wanted.has(i.id)).map((i) => i.id);
  if (!players.length && !channels.length && !items.length) return;
  asOneStep(session, () => {
    if (channels.length) deleteChannels(doc, channels);
    if (players.length) deletePlayers(doc, players);
    if (items.length) deleteItems(doc, items);
  });
}

/** A sticky note at `at`, written by `author`; returns its id. */
export function addStickyNote(session: Editing, at: { x: number; y: number }, author: Author | undefined): string {
  const id = newId();
  asOneStep(session, () => addNote(session.doc, { id, text: "", color: DEFAULT_NOTE_COLOR, x: Math.round(at.x), y: Math.round(at.y), ...(author ? { author } : {}) }));
  return id;
}

/** A frame of the given box; returns its id. */
export function addBoardFrame(session: Editing, box: { x: number; y: number; width: number; height: number }, title = "New frame"): string {
  const id = newId();
  asOneStep(session, () => addFrame(session.doc, { id, title, x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) }));
  return id;
}

/** Moves every player to its place in the tidy left-to-right layout; everyone sees it, one undo puts them back. */
export function tidyBoard(session: Editing, board: Board): void {
  const moves = tidyLayout(board);
  if (moves.length) asOneStep(session, () => movePlayers(session.doc, moves));
}
