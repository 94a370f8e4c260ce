/**
 * What changed between two versions of a board, as data: players and channels added, removed
 * and changed field by field, players moved on the canvas, the title, and — what the leaders
 * care about most — how the answers to the eight questions changed.
 *
 * Moves are kept apart from field changes because dragging is constant and mostly noise: a
 * move under MOVE_THRESHOLD pixels is not reported at all.
 *
 * The answers diff reads like the board: question 1 is every player by name and kind, so a
 * player renamed, given another kind or called by other names is a changed answer too (one
 * line per player, never cut short), not only a mark on the canvas.
 */
import { analyzeBoard, type Answers } from "./answers";
import { compareIds, KIND_LABELS, PLAYER_KINDS, sortById, type Board, type Channel, type Flow, type Player, type PlayerKind } from "./model";

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

/** The eight questions (plus the undecided players), in the order the panel asks them. */
export type AnswerQuestion = "players" | "consumers" | "starts" | "us" | "customers" | "nonCustomers" | "undecided" | "why" | "channels";

export interface AnswerChange {
  question: AnswerQuestion;
  before: string;
  after: string;
  /** One line for people, e.g. "Parallel channels: 3 → 4". */
  summary: string;
}

export interface BoardDiff {
  title: { before: string; after: string } | null;
  /** Every list is sorted by id. */
  players: { added: Player[]; removed: Player[]; changed: PlayerChange[]; moved: PlayerMove[] };
  channels: { added: Channel[]; removed: Channel[]; changed: ChannelChange[] };
  answers: AnswerChange[];
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
    answers: diffAnswers(analyzeBoard(a, { warnings: false }), analyzeBoard(b, { warnings: false }), nameLookup(a, b), players.kept),
  };
}

export function isEmptyDiff(d: BoardDiff): boolean {
  const { players, channels } = d;
  return (
    d.title === null &&
    [players.added, players.removed, players.changed, players.moved, channels.added, channels.removed, channels.changed, d.answers].every(
      (list) => list.length === 0,
    )
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

interface Matched<T> {
  added: T[];
  removed: T[];
  kept: [before: T, after: T][];
}

function matchById<T extends { id: string }>(before: T[], after: T[]): Matched<T> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const sortedAfter = sortById(after);
  return {
    added: sortedAfter.filter((item) => !beforeById.has(item.id)),
    removed: sortById(before).filter((item) => !afterIds.has(item.id)),
    kept: sortedAfter.flatMap((item) => {
      const old = beforeById.get(item.id);
      return old === undefined ? [] : [[old, item] as [T, T]];
    }),
  };
}

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

// ---------------------------------------------------------------------------------------------
// Answers

/** How many names a summary lists before it says "and N more". */
const SUMMARY_ITEMS = 5;

type NameOf = (id: string) => string;

/** Names as the newer board has them; players that were removed keep their old name. */
function nameLookup(a: Board, b: Board): NameOf {
  const names = new Map<string, string>();
  for (const p of [...a.players, ...b.players]) names.set(p.id, p.name.trim() || p.id);
  return (id) => names.get(id) ?? id;
}

function diffAnswers(before: Answers, after: Answers, nameOf: NameOf, kept: [before: Player, after: Player][]): AnswerChange[] {
  return [
    ...playersChange(before, after, nameOf),
    ...kept.flatMap(([old, now]) => playerRevision(old, now)),
    ...listChange("consumers", "Consumers", before.consumers, after.consumers, nameOf),
    ...listChange("starts", "Starts", before.starts, after.starts, nameOf),
    ...usChange(before, after, nameOf),
    ...listChange("customers", "Customers", before.customers.map((c) => c.id), after.customers.map((c) => c.id), nameOf),
    ...listChange("nonCustomers", "Not customers", before.nonCustomers.map((c) => c.id), after.nonCustomers.map((c) => c.id), nameOf),
    ...listChange("undecided", "Undecided", before.undecided, after.undecided, nameOf),
    ...whyChanges(before, after, nameOf),
    ...channelsChange(before, after, nameOf),
  ];
}

function playersChange(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const kindsBefore = kindById(before);
  const kindsAfter = kindById(after);
  const parts = [
    ...[...kindsAfter.keys()].filter((id) => !kindsBefore.has(id)).map((id) => `+ ${nameOf(id)}`),
    ...[...kindsBefore.keys()].filter((id) => !kindsAfter.has(id)).map((id) => `− ${nameOf(id)}`),
  ];
  if (parts.length === 0) return [];
  return [{ question: "players", before: countOf(kindsBefore.size, "player"), after: countOf(kindsAfter.size, "player"), summary: `Players: ${limited(parts)}` }];
}

/**
 * A player in both versions whose name, kind or other names changed, as one line led by its
 * name now: "Architect practice: renamed from Architect; Specifier → Installer; also called Arch".
 */
function playerRevision(before: Player, after: Player): AnswerChange[] {
  const oldName = displayName(before);
  const newName = displayName(after);
  const oldAliases = new Set(before.aliases);
  const newAliases = new Set(after.aliases);
  const added = after.aliases.filter((alias) => !oldAliases.has(alias));
  const dropped = before.aliases.filter((alias) => !newAliases.has(alias));
  const details = [
    ...(oldName !== newName ? [`renamed from ${oldName}`] : []),
    ...(before.kind !== after.kind ? [`${KIND_LABELS[before.kind]} → ${KIND_LABELS[after.kind]}`] : []),
    ...(added.length > 0 ? [`also called ${added.join(", ")}`] : []),
    ...(dropped.length > 0 ? [`no longer called ${dropped.join(", ")}`] : []),
  ];
  if (details.length === 0) return [];
  return [{ question: "players", before: describePlayer(before), after: describePlayer(after), summary: `${newName}: ${details.join("; ")}` }];
}

function displayName(p: Player): string {
  return p.name.trim() || p.id;
}

/** "Dealer (Retailer / dealer, also called Reseller)": what question 1 says about one player. */
function describePlayer(p: Player): string {
  const also = p.aliases.length > 0 ? `, also called ${p.aliases.join(", ")}` : "";
  return `${displayName(p)} (${KIND_LABELS[p.kind]}${also})`;
}

/** Player id → kind, sorted by id. */
function kindById(answers: Answers): Map<string, PlayerKind> {
  const pairs = PLAYER_KINDS.flatMap((kind) => (answers.players[kind] ?? []).map((id): [string, PlayerKind] => [id, kind]));
  return new Map(pairs.sort((x, y) => compareIds(x[0], y[0])));
}

function listChange(question: AnswerQuestion, label: string, before: string[], after: string[], nameOf: NameOf): AnswerChange[] {
  const old = new Set(before);
  const now = new Set(after);
  const parts = [...after.filter((id) => !old.has(id)).map((id) => `+ ${nameOf(id)}`), ...before.filter((id) => !now.has(id)).map((id) => `− ${nameOf(id)}`)];
  if (parts.length === 0) return [];
  return [{ question, before: namesOrNone(before, nameOf), after: namesOrNone(after, nameOf), summary: `${label}: ${limited(parts)}` }];
}

function usChange(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const old = before.us;
  const now = after.us;
  if (old?.id === now?.id && old?.stage === now?.stage && old?.stages === now?.stages) return [];
  const stage = (us: Answers["us"]) => (us === null ? "not marked" : `stage ${us.stage} of ${us.stages}`);
  const place = (us: Answers["us"]) => (us === null ? "not marked" : `${nameOf(us.id)}, ${stage(us)}`);
  const summary = old !== null && now !== null && old.id === now.id ? `${stage(old)} → ${stage(now)}` : `${place(old)} → ${place(now)}`;
  return [{ question: "us", before: place(old), after: place(now), summary: `Where we are: ${summary}` }];
}

/** A reason rewritten for a player who is a customer (or not) in both versions. */
function whyChanges(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const old = new Map([...before.customers, ...before.nonCustomers].map((r) => [r.id, r.why]));
  return [...after.customers, ...after.nonCustomers]
    .filter((r) => old.has(r.id) && old.get(r.id) !== r.why)
    .sort((x, y) => compareIds(x.id, y.id))
    .map((r) => {
      const was = old.get(r.id) as string;
      return { question: "why" as const, before: was, after: r.why, summary: `Why ${nameOf(r.id)}: ${quoted(was)} → ${quoted(r.why)}` };
    });
}

function channelsChange(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const route = (path: string[]) => path.map(nameOf).join(" → ");
  const old = new Set(before.channels.paths.map((p) => p.join("\n")));
  const now = new Set(after.channels.paths.map((p) => p.join("\n")));
  const parts = [
    ...after.channels.paths.filter((p) => !old.has(p.join("\n"))).map((p) => `+ ${route(p)}`),
    ...before.channels.paths.filter((p) => !now.has(p.join("\n"))).map((p) => `− ${route(p)}`),
  ];
  const count = (answers: Answers) => `${answers.channels.count}${answers.channels.capped ? "+" : ""}`;
  if (parts.length === 0 && count(before) === count(after)) return [];
  const head = count(before) === count(after) ? `still ${count(after)}` : `${count(before)} → ${count(after)}`;
  const routes = parts.length > 0 ? ` (${limited(parts, 3)})` : "";
  return [{ question: "channels", before: count(before), after: count(after), summary: `Parallel channels: ${head}${routes}` }];
}

function namesOrNone(ids: string[], nameOf: NameOf): string {
  return ids.length === 0 ? "none" : ids.map(nameOf).join(", ");
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function quoted(text: string): string {
  return text.trim() === "" ? "(no reason)" : `“${text}”`;
}

function limited(parts: string[], max = SUMMARY_ITEMS): string {
  if (parts.length <= max) return parts.join(", ");
  return `${parts.slice(0, max).join(", ")} and ${parts.length - max} more`;
}
