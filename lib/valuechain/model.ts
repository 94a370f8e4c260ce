/**
 * The value-chain board as plain data: the shape of the `chainboard/v1` file and of the
 * projection of the live Yjs document. No React, Yjs or I/O here.
 */

export const PLAYER_KINDS = [
  "supplier",
  "manufacturer",
  "importer",
  "distributor",
  "wholesaler",
  "retailer",
  "installer",
  "specifier",
  "end-user",
  "service-provider",
  "other",
] as const;
export type PlayerKind = (typeof PLAYER_KINDS)[number];

export const CUSTOMER_DECISIONS = ["yes", "no", "undecided"] as const;
export type CustomerDecision = (typeof CUSTOMER_DECISIONS)[number];

export const STRATEGIES = ["push", "pull", "push-pull", "specification", "none"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const TRANSACTIONS = ["direct", "indirect", "none"] as const;
export type Transaction = (typeof TRANSACTIONS)[number];

/** goods: the product moves along it; commercial: who invoices whom; influence: recommendation. */
export const FLOWS = ["goods", "commercial", "influence"] as const;
export type Flow = (typeof FLOWS)[number];

export interface Player {
  id: string;
  name: string;
  kind: PlayerKind;
  x: number;
  y: number;
  isUs: boolean;
  consumer: boolean;
  customer: CustomerDecision;
  why: string;
  strategy: Strategy;
  transaction: Transaction;
  notes: string;
  aliases: string[];
}

export interface Channel {
  id: string;
  from: string;
  to: string;
  flow: Flow;
  label: string;
  /** Percentage (0–100) of the source player's goods volume on this channel; absent when unknown. */
  share?: number;
}

/* What leaders say about the chain beside it: sticky notes, frames, comment threads. */

export interface Author {
  name: string;
  function?: string;
}

/** The sticky-note colours offered; a file may also carry any #rgb / #rrggbb colour. */
export const NOTE_COLORS = ["yellow", "pink", "blue", "green", "orange", "purple"] as const;
export type NoteColorName = (typeof NOTE_COLORS)[number];
export const DEFAULT_NOTE_COLOR: NoteColorName = "yellow";
/** Fill colours of the named sticky notes, light enough for dark text (WCAG AA). */
export const NOTE_FILLS: Record<NoteColorName, string> = {
  yellow: "#fef08a",
  pink: "#fbcfe8",
  blue: "#bfdbfe",
  green: "#bbf7d0",
  orange: "#fed7aa",
  purple: "#e9d5ff",
};
export const NOTE_SIZE = { width: 176, height: 120 } as const;

export interface Note {
  id: string;
  text: string;
  color: string;
  x: number;
  y: number;
  author?: Author;
}

export interface Frame {
  id: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type CommentTarget = { player: string } | { channel: string } | { x: number; y: number };

export interface CommentMessage {
  id: string;
  author: Author;
  text: string;
  /** ISO 8601. */
  at: string;
}

export interface CommentThread {
  id: string;
  target: CommentTarget;
  resolved: boolean;
  messages: CommentMessage[];
}

/** The discussion parts of a board, each absent when empty. */
export interface Discussion {
  notes?: Note[];
  frames?: Frame[];
  comments?: CommentThread[];
}

export interface Board extends Discussion {
  title: string;
  players: Player[];
  channels: Channel[];
}

export const BOARD_FORMAT = "chainboard/v1" as const;

export interface BoardFile extends Board {
  format: typeof BOARD_FORMAT;
}

/** Field defaults of PRODUCT.md: what a missing optional field means. */
export const PLAYER_DEFAULTS: Omit<Player, "id" | "name" | "kind"> = {
  x: 0,
  y: 0,
  isUs: false,
  consumer: false,
  customer: "undecided",
  why: "",
  strategy: "none",
  transaction: "none",
  notes: "",
  aliases: [],
};

export const CHANNEL_DEFAULTS: Omit<Channel, "id" | "from" | "to"> = {
  flow: "goods",
  label: "",
};

export function makePlayer(fields: Pick<Player, "id" | "name" | "kind"> & Partial<Player>): Player {
  return { ...PLAYER_DEFAULTS, ...fields, aliases: [...(fields.aliases ?? [])] };
}

export function makeChannel(fields: Pick<Channel, "id" | "from" | "to"> & Partial<Channel>): Channel {
  return { ...CHANNEL_DEFAULTS, ...fields };
}

/** Channels whose ends both exist: a concurrent delete can leave the others behind (repair rule R-DANGLING). */
export function liveChannels(board: Board): Channel[] {
  const ids = new Set(board.players.map((p) => p.id));
  return board.channels.filter((c) => ids.has(c.from) && ids.has(c.to));
}

/** The name people see for a player: its name, or its id while it has none. */
export function shownName(player: Player): string {
  return player.name.trim() || player.id;
}

/** The name people see for a player id; the id itself when no such player exists (any more). */
export function playerName(board: Board, id: string): string {
  const player = board.players.find((p) => p.id === id);
  return player ? shownName(player) : id;
}

/** Title of a board nobody has named yet (new boards, and files without a title). */
export const DEFAULT_BOARD_TITLE = "Untitled board";

/**
 * Order of ids everywhere: plain UTF-16 code-unit order, never locale order, so that every
 * server and browser sorts the same board the same way (answers must be deterministic).
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareIds(a.id, b.id));
}

/** Field-by-field equality; `ignorePosition` compares everything but x and y. */
export function samePlayer(a: Player, b: Player, opts: { ignorePosition?: boolean } = {}): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.kind === b.kind &&
    (opts.ignorePosition || (a.x === b.x && a.y === b.y)) &&
    a.isUs === b.isUs &&
    a.consumer === b.consumer &&
    a.customer === b.customer &&
    a.why === b.why &&
    a.strategy === b.strategy &&
    a.transaction === b.transaction &&
    a.notes === b.notes &&
    a.aliases.length === b.aliases.length &&
    a.aliases.every((alias, i) => alias === b.aliases[i])
  );
}

export function sameChannel(a: Channel, b: Channel): boolean {
  return a.id === b.id && a.from === b.from && a.to === b.to && a.flow === b.flow && a.label === b.label && a.share === b.share;
}
