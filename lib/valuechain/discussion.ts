/**
 * Sticky notes, frames and comment threads (their shapes: model.ts): where a thread hangs,
 * how many are open, who is mentioned, what a note becomes as a player. None of it changes
 * the eight answers (analysis reads players and channels only).
 */
import { DEFAULT_NOTE_COLOR, NOTE_FILLS, type Board, type CommentThread, type Frame, type Note, type Player, type PlayerKind } from "./model";

export function noteFill(color: string): string {
  return (NOTE_FILLS as Record<string, string>)[color] ?? (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : NOTE_FILLS[DEFAULT_NOTE_COLOR]);
}

/** What a thread hangs on, and whether that still exists: a deleted player's thread is detached, never lost. */
export function anchorOf(thread: CommentThread, board: Board): { kind: "player" | "channel" | "point"; id?: string; detached: boolean } {
  const t = thread.target;
  if ("player" in t) return { kind: "player", id: t.player, detached: !board.players.some((p) => p.id === t.player) };
  if ("channel" in t) return { kind: "channel", id: t.channel, detached: !board.channels.some((c) => c.id === t.channel) };
  return { kind: "point", detached: false };
}

/** Open threads per player or channel id, for the count a card or a channel shows. */
export function openThreadCounts(threads: readonly CommentThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.resolved) continue;
    const id = "player" in thread.target ? thread.target.player : "channel" in thread.target ? thread.target.channel : null;
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Names mentioned in `text` as `@Name` (a name may hold spaces: it is matched against those known). */
export function mentionsIn(text: string, known: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return known.filter((name) => {
    const at = lower.indexOf(`@${name.toLowerCase()}`);
    if (at < 0) return false;
    const after = lower[at + name.length + 1];
    return after === undefined || !/[\p{L}\p{N}]/u.test(after);
  });
}

/** The player a note becomes: its first line the name, the rest (and an overflowing name) the notes. */
export function playerFromNote(note: Note, kind: PlayerKind, id: string, nameLimit = 200): Pick<Player, "id" | "name" | "kind" | "x" | "y" | "notes"> {
  const [first = "", ...rest] = note.text.trim().split(/\r?\n/);
  const name = first.trim().slice(0, nameLimit);
  const overflow = first.trim().slice(nameLimit);
  const notes = [overflow, rest.join("\n").trim()].filter(Boolean).join("\n");
  return { id, name, kind, x: note.x, y: note.y, notes };
}

/** Whether a point (a card's or a note's top-left corner plus half its size) lies inside a frame. */
export function frameHolds(frame: Frame, centre: { x: number; y: number }): boolean {
  return centre.x >= frame.x && centre.x <= frame.x + frame.width && centre.y >= frame.y && centre.y <= frame.y + frame.height;
}

/**
 * The `@` word being typed at `caret`, if any: where it starts (the `@`) and what follows it
 * so far. An `@` inside a word (an e-mail address) starts nothing.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  // A name may hold one space ("Ada Lovelace"), never a line break or a second space run.
  if (/\n|\s{2}/.test(query) || query.length > 40) return null;
  return { start: at, query };
}

/** Known names matching what follows the `@`, those starting with it first, at most `limit`. */
export function suggestNames(query: string, names: readonly string[], limit = 6): string[] {
  const q = query.trim().toLowerCase();
  const unique = [...new Set(names.filter(Boolean))];
  const starts = unique.filter((n) => n.toLowerCase().startsWith(q));
  const contains = unique.filter((n) => !n.toLowerCase().startsWith(q) && n.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}
