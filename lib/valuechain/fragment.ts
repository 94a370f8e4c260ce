/**
 * Copy and paste between boards: a selection as a `chainboard/v1` fragment (the file format,
 * holding only what was selected and the channels among it), and a fragment placed into a
 * board with new ids. A fragment is a valid board file, so what one board copies any board
 * (or a text editor, or another tool) can read.
 */
import { BOARD_FORMAT, type Board, type BoardFile, type Channel, type Frame, type Note, type Player } from "./model";
import { parseBoardFile, toBoardFile, type BoardFileError } from "./schema";

/** The selected players, notes and frames of `board`, with the channels between two selected players. */
export function fragmentOf(board: Board, ids: Iterable<string>): BoardFile | null {
  const wanted = new Set(ids);
  const players = board.players.filter((p) => wanted.has(p.id));
  const notes = (board.notes ?? []).filter((n) => wanted.has(n.id));
  const frames = (board.frames ?? []).filter((f) => wanted.has(f.id));
  if (!players.length && !notes.length && !frames.length) return null;
  const inside = new Set(players.map((p) => p.id));
  const channels = board.channels.filter((c) => inside.has(c.from) && inside.has(c.to));
  return toBoardFile({ title: board.title, players, channels, notes, frames });
}

export type ParsedFragment = { ok: true; fragment: BoardFile } | { ok: false; error: BoardFileError | null };

/**
 * Clipboard text as a fragment. Text that is not a Chainboard file at all answers with no
 * error (it is some other paste); one that says it is but is malformed answers with the error.
 */
export function parseFragment(text: string): ParsedFragment {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || !trimmed.includes(BOARD_FORMAT)) return { ok: false, error: null };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, error: null };
  }
  const parsed = parseBoardFile(value);
  return parsed.ok ? { ok: true, fragment: parsed.board } : { ok: false, error: parsed.error };
}

export interface Placed {
  players: Player[];
  channels: Channel[];
  notes: Note[];
  frames: Frame[];
}

/**
 * The fragment's content with a new id for everything (channel ends follow their players),
 * moved so that its top-left corner lands on `at`; kinds, fields and shapes are kept. The
 * pasted copy is nobody's "us" when the board has an us already: a board has one.
 */
export function placeFragment(fragment: BoardFile, newId: () => string, at: { x: number; y: number }, boardHasUs: boolean): Placed {
  const items = [...fragment.players, ...(fragment.notes ?? []), ...(fragment.frames ?? [])];
  const left = Math.min(...items.map((i) => i.x));
  const top = Math.min(...items.map((i) => i.y));
  const dx = Math.round(at.x - left);
  const dy = Math.round(at.y - top);
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    const id = newId();
    ids.set(old, id);
    return id;
  };
  let usTaken = boardHasUs;
  const players = fragment.players.map((p) => {
    const isUs = p.isUs && !usTaken;
    if (isUs) usTaken = true;
    return { ...p, id: fresh(p.id), x: p.x + dx, y: p.y + dy, isUs, aliases: [...p.aliases] };
  });
  const channels = fragment.channels.map((c) => ({ ...c, id: newId(), from: ids.get(c.from)!, to: ids.get(c.to)! }));
  const notes = (fragment.notes ?? []).map((n) => ({ ...n, id: fresh(n.id), x: n.x + dx, y: n.y + dy }));
  const frames = (fragment.frames ?? []).map((f) => ({ ...f, id: fresh(f.id), x: f.x + dx, y: f.y + dy }));
  return { players, channels, notes, frames };
}
