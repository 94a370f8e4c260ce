/**
 * What the compare view draws, as plain data: the "to" board plus what the diff says was
 * removed (put back where it was, to be drawn as ghosts), and for every player and channel how
 * it differs and the lines a tooltip shows ("name: Dealer → Reseller").
 */
import type { BoardDiff, ChannelFieldChange, PlayerFieldChange, PlayerMove } from "@/lib/valuechain/boardDiff";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import type { Board, PlayerKind } from "@/lib/valuechain/model";

export type DiffKind = "added" | "removed" | "changed" | "moved";

export interface DiffMark {
  kind: DiffKind;
  /** One line per changed field, for the tooltip; empty for added and removed. */
  details: string[];
}

export interface CompareScene {
  board: Board;
  players: ReadonlyMap<string, DiffMark>;
  channels: ReadonlyMap<string, DiffMark>;
  moves: PlayerMove[];
}

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  moved: number;
}

export function compareScene(to: Board, diff: BoardDiff): CompareScene {
  const shownPlayers = new Set(to.players.map((p) => p.id));
  const shownChannels = new Set(to.channels.map((c) => c.id));
  const board: Board = {
    title: to.title,
    players: [...to.players, ...diff.players.removed.filter((p) => !shownPlayers.has(p.id))],
    channels: [...to.channels, ...diff.channels.removed.filter((c) => !shownChannels.has(c.id))],
  };
  const nameOf = names(board);

  const players = new Map<string, DiffMark>();
  for (const m of diff.players.moved) players.set(m.id, { kind: "moved", details: ["moved on the canvas"] });
  for (const c of diff.players.changed) {
    const moved = players.has(c.id) ? ["moved on the canvas"] : [];
    players.set(c.id, { kind: "changed", details: [...c.changes.map(describePlayerChange), ...moved] });
  }
  for (const p of diff.players.added) players.set(p.id, { kind: "added", details: [] });
  for (const p of diff.players.removed) players.set(p.id, { kind: "removed", details: [] });

  const channels = new Map<string, DiffMark>();
  for (const c of diff.channels.changed) channels.set(c.id, { kind: "changed", details: c.changes.map((change) => describeChannelChange(change, nameOf)) });
  for (const c of diff.channels.added) channels.set(c.id, { kind: "added", details: [] });
  for (const c of diff.channels.removed) channels.set(c.id, { kind: "removed", details: [] });

  return { board, players, channels, moves: diff.players.moved };
}

export function playerCounts(diff: BoardDiff): DiffCounts {
  const { added, removed, changed, moved } = diff.players;
  const changedIds = new Set(changed.map((c) => c.id));
  return { added: added.length, removed: removed.length, changed: changed.length, moved: moved.filter((m) => !changedIds.has(m.id)).length };
}

export function channelCounts(diff: BoardDiff): Omit<DiffCounts, "moved"> {
  const { added, removed, changed } = diff.channels;
  return { added: added.length, removed: removed.length, changed: changed.length };
}

const PLAYER_FIELD_LABELS: Record<PlayerFieldChange["field"], string> = {
  name: "name",
  kind: "kind",
  isUs: "us",
  consumer: "consumer",
  customer: "customer",
  why: "why",
  strategy: "strategy",
  transaction: "transaction",
  notes: "notes",
  aliases: "also called",
};

export function describePlayerChange(change: PlayerFieldChange): string {
  const show = (value: unknown) => (change.field === "kind" ? KIND_LABELS[value as PlayerKind] : shown(value));
  return `${PLAYER_FIELD_LABELS[change.field]}: ${show(change.before)} → ${show(change.after)}`;
}

export function describeChannelChange(change: ChannelFieldChange, nameOf: (id: string) => string): string {
  switch (change.field) {
    case "from":
    case "to":
      return `${change.field}: ${nameOf(change.before)} → ${nameOf(change.after)}`;
    case "share": {
      const share = (v: number | null) => (v === null ? "unknown" : `${v}%`);
      return `share: ${share(change.before)} → ${share(change.after)}`;
    }
    default:
      return `${change.field}: ${shown(change.before)} → ${shown(change.after)}`;
  }
}

const LONGEST = 60;

function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  const text = String(value ?? "");
  if (text.trim() === "") return "(empty)";
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

function names(board: Board): (id: string) => string {
  const byId = new Map(board.players.map((p) => [p.id, p.name.trim() || "Unnamed"]));
  return (id) => byId.get(id) ?? id;
}
