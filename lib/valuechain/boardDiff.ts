/**
 * What changed between two versions of a board, as data: players and channels added, removed
 * and changed field by field, players moved on the canvas, the title, and — what the leaders
 * care about most — how the answers to the eight questions changed (answersDiff.ts).
 * `applyDiff` replays a diff, so a diff is known to say everything that changed.
 *
 * Moves are kept apart from field changes because dragging is constant and mostly noise: a
 * move under MOVE_THRESHOLD pixels is not reported at all.
 */
import { diffAnswers, type AnswerChange } from "./answersDiff";
import { matchById } from "./matchById";
import type { Board, Channel, CommentThread, Flow, Note, Player } from "./model";

/** Moves up to this many pixels are jitter, not a change anyone meant to make. */
export const MOVE_THRESHOLD = 8;

export const PLAYER_FIELDS = ["name", "kind", "isUs", "consumer", "customer", "why", "strategy", "transaction", "notes", "aliases"] as const;
export type PlayerField = (typeof PLAYER_FIELDS)[number];
export type PlayerFieldChange = { [K in PlayerField]: { field: K; before: Player[K]; after: Player[K] } }[PlayerField];

export const CHANNEL_FIELDS = ["from", "to", "flow", "label", "share"] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];
/** Channel fields as the diff reports them: an unknown share is null, so the diff survives JSON. */
interface ChannelValues {
  from: string;
  to: string;
  flow: Flow;
  label: string;
  share: number | null;
}
export type ChannelFieldChange = { [K in ChannelField]: { field: K; before: ChannelValues[K]; after: ChannelValues[K] } }[ChannelField];

export interface Position {
  x: number;
  y: number;
}

export interface PlayerChange {
  id: string;
  changes: PlayerFieldChange[];
}

export interface PlayerMove {
  id: string;
  from: Position;
  to: Position;
}

export interface ChannelChange {
  id: string;
  changes: ChannelFieldChange[];
}

export interface BoardDiff {
  title: { before: string; after: string } | null;
  /** Every list is sorted by id. */
  players: { added: Player[]; removed: Player[]; changed: PlayerChange[]; moved: PlayerMove[] };
  channels: { added: Channel[]; removed: Channel[]; changed: ChannelChange[] };
  answers: AnswerChange[];
  /**
   * Sticky notes and comment threads, apart from the chain: what was added or removed, which
   * threads were resolved or reopened. Never part of the answers.
   */
  discussion: DiscussionDiff;
}

export interface DiscussionDiff {
  notes: { added: Note[]; removed: Note[] };
  /** Resolved, reopened and replied-to threads as they are in the later board. */
  threads: { added: CommentThread[]; removed: CommentThread[]; resolved: CommentThread[]; reopened: CommentThread[]; replied: { thread: CommentThread; count: number }[] };
}

function diffDiscussion(a: Board, b: Board): DiscussionDiff {
  const notes = matchById(a.notes ?? [], b.notes ?? []);
  const threads = matchById(a.comments ?? [], b.comments ?? []);
  return {
    notes: { added: notes.added, removed: notes.removed },
    threads: {
      added: threads.added,
      removed: threads.removed,
      resolved: threads.kept.filter(([before, after]) => !before.resolved && after.resolved).map(([, t]) => t),
      reopened: threads.kept.filter(([before, after]) => before.resolved && !after.resolved).map(([, t]) => t),
      replied: threads.kept.flatMap(([before, after]) => {
        const seen = new Set(before.messages.map((m) => m.id));
        const count = after.messages.filter((m) => !seen.has(m.id)).length;
        return count ? [{ thread: after, count }] : [];
      }),
    },
  };
}

/** Whether a diff's notes and threads changed at all. */
export function discussionChanged(d: DiscussionDiff): boolean {
  const { notes, threads } = d;
  return [notes.added, notes.removed, threads.added, threads.removed, threads.resolved, threads.reopened, threads.replied].some((list) => list.length > 0);
}

export function diffBoards(a: Board, b: Board): BoardDiff {
  const players = matchById(a.players, b.players);
  const channels = matchById(a.channels, b.channels);
  return {
    title: a.title === b.title ? null : { before: a.title, after: b.title },
    players: {
      added: players.added.map(copyPlayer),
      removed: players.removed.map(copyPlayer),
      changed: players.kept.flatMap(([before, after]) => {
        const changes = playerChanges(before, after);
        return changes.length > 0 ? [{ id: after.id, changes }] : [];
      }),
      moved: players.kept.flatMap(([before, after]) => {
        const moved = Math.hypot(after.x - before.x, after.y - before.y) > MOVE_THRESHOLD;
        return moved ? [{ id: after.id, from: { x: before.x, y: before.y }, to: { x: after.x, y: after.y } }] : [];
      }),
    },
    channels: {
      added: channels.added.map(copyChannel),
      removed: channels.removed.map(copyChannel),
      changed: channels.kept.flatMap(([before, after]) => {
        const changes = channelChanges(before, after);
        return changes.length > 0 ? [{ id: after.id, changes }] : [];
      }),
    },
    answers: diffAnswers(a, b),
    discussion: diffDiscussion(a, b),
  };
}

export function isEmptyDiff(d: BoardDiff): boolean {
  const { players, channels } = d;
  return (
    d.title === null &&
    [players.added, players.removed, players.changed, players.moved, channels.added, channels.removed, channels.changed, d.answers].every(
      (list) => list.length === 0,
    ) &&
    !discussionChanged(d.discussion)
  );
}

/** Replays a diff on the board it was taken from: the result has the other board's players and channels. */
export function applyDiff(a: Board, d: BoardDiff): Board {
  const removedPlayers = new Set(d.players.removed.map((p) => p.id));
  const playerChangesById = new Map(d.players.changed.map((c) => [c.id, c.changes]));
  const moves = new Map(d.players.moved.map((m) => [m.id, m.to]));
  const removedChannels = new Set(d.channels.removed.map((c) => c.id));
  const channelChangesById = new Map(d.channels.changed.map((c) => [c.id, c.changes]));
  return {
    title: d.title?.after ?? a.title,
    players: [
      ...a.players
        .filter((p) => !removedPlayers.has(p.id))
        .map((p) => applyPlayerChanges(p, playerChangesById.get(p.id) ?? [], moves.get(p.id))),
      ...d.players.added.map(copyPlayer),
    ],
    channels: [
      ...a.channels.filter((c) => !removedChannels.has(c.id)).map((c) => applyChannelChanges(c, channelChangesById.get(c.id) ?? [])),
      ...d.channels.added.map(copyChannel),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Players and channels

function copyPlayer(p: Player): Player {
  return { ...p, aliases: [...p.aliases] };
}

function copyChannel(c: Channel): Channel {
  return { ...c };
}

function playerChanges(before: Player, after: Player): PlayerFieldChange[] {
  return PLAYER_FIELDS.filter((field) => !sameValue(before[field], after[field])).map(
    (field) => ({ field, before: copyValue(before[field]), after: copyValue(after[field]) }) as PlayerFieldChange,
  );
}

function channelChanges(before: Channel, after: Channel): ChannelFieldChange[] {
  const old = channelValues(before);
  const now = channelValues(after);
  return CHANNEL_FIELDS.filter((field) => old[field] !== now[field]).map(
    (field) => ({ field, before: old[field], after: now[field] }) as ChannelFieldChange,
  );
}

function channelValues(c: Channel): ChannelValues {
  return { from: c.from, to: c.to, flow: c.flow, label: c.label, share: c.share ?? null };
}

/** Field values are primitives or (aliases) arrays of strings. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

function copyValue<T>(value: T): T {
  return (Array.isArray(value) ? [...value] : value) as T;
}

function applyPlayerChanges(p: Player, changes: PlayerFieldChange[], to: Position | undefined): Player {
  const next = copyPlayer(p);
  for (const change of changes) Object.assign(next, { [change.field]: copyValue(change.after) });
  if (to !== undefined) Object.assign(next, to);
  return next;
}

function applyChannelChanges(c: Channel, changes: ChannelFieldChange[]): Channel {
  const next = copyChannel(c);
  for (const change of changes) {
    if (change.field !== "share") Object.assign(next, { [change.field]: change.after });
    else if (change.after === null) delete next.share;
    else next.share = change.after;
  }
  return next;
}
