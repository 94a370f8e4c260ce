/**
 * The only module that knows the board document layout (PRODUCT.md, schema version 1):
 *   meta: { title, schemaVersion }
 *   players: id → Y.Map { name, kind, x, y, isUs, consumer, customer, why, strategy,
 *                         transaction, notes, aliases: Y.Array<string> }
 *   channels: id → Y.Map { from, to, flow, label, share? }
 *   notes, frames, comments: see discussionDoc.ts
 * Free-text fields hold a string or a Y.Text (text.ts); this module writes Y.Text.
 * Any client can write anything into a shared document, so reading coerces every field to
 * its type and falls back to the default: a bad value never reaches the UI or the analysis.
 */
import * as Y from "yjs";
import {
  CHANNEL_DEFAULTS,
  CUSTOMER_DECISIONS,
  FLOWS,
  PLAYER_DEFAULTS,
  PLAYER_KINDS,
  STRATEGIES,
  TRANSACTIONS,
  type Board,
  type Channel,
  DEFAULT_BOARD_TITLE,
  type Player,
} from "../valuechain/model";
import { CHANNEL_TEXT_FIELDS, PLAYER_TEXT_FIELDS, readText, writeText, type ChannelTextField, type PlayerTextField } from "./text";
import { ROUND_STATUSES, type RoundStatus } from "../contracts/rounds";
import { playerFromNote } from "../valuechain/discussion";
import { makePlayer, type PlayerKind } from "../valuechain/model";
import { framesOf, notesOf, readDiscussion, readNote, writeDiscussion } from "./discussionDoc";

export const SCHEMA_VERSION = 1;

export type YPlayer = Y.Map<unknown>;
export type YChannel = Y.Map<unknown>;

export const metaOf = (doc: Y.Doc) => doc.getMap<unknown>("meta");
export const playersOf = (doc: Y.Doc) => doc.getMap<YPlayer>("players");
export const channelsOf = (doc: Y.Doc) => doc.getMap<YChannel>("channels");

const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : fallback;
const str = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);
const num = (v: unknown, fallback = 0) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const bool = (v: unknown) => v === true;

export function readPlayer(id: string, m: YPlayer): Player {
  const aliases = m.get("aliases");
  return {
    id,
    name: readText(m.get("name")),
    kind: oneOf(PLAYER_KINDS, m.get("kind"), "other"),
    x: num(m.get("x")),
    y: num(m.get("y")),
    isUs: bool(m.get("isUs")),
    consumer: bool(m.get("consumer")),
    customer: oneOf(CUSTOMER_DECISIONS, m.get("customer"), PLAYER_DEFAULTS.customer),
    why: readText(m.get("why")),
    strategy: oneOf(STRATEGIES, m.get("strategy"), PLAYER_DEFAULTS.strategy),
    transaction: oneOf(TRANSACTIONS, m.get("transaction"), PLAYER_DEFAULTS.transaction),
    notes: readText(m.get("notes")),
    aliases: aliases instanceof Y.Array ? aliases.toArray().filter((a): a is string => typeof a === "string") : [],
  };
}

export function readChannel(id: string, m: YChannel): Channel {
  const share = m.get("share");
  const channel: Channel = {
    id,
    from: str(m.get("from")),
    to: str(m.get("to")),
    flow: oneOf(FLOWS, m.get("flow"), CHANNEL_DEFAULTS.flow),
    label: readText(m.get("label")),
  };
  if (typeof share === "number" && Number.isFinite(share) && share >= 0 && share <= 100) channel.share = share;
  return channel;
}

export function readTitle(doc: Y.Doc): string {
  return readText(metaOf(doc).get("title"), DEFAULT_BOARD_TITLE);
}

/** The plain board of the document; players and channels ordered by id. */
export function readBoard(doc: Y.Doc): Board {
  const players: Player[] = [];
  playersOf(doc).forEach((m, id) => {
    if (m instanceof Y.Map) players.push(readPlayer(id, m));
  });
  const channels: Channel[] = [];
  channelsOf(doc).forEach((m, id) => {
    if (m instanceof Y.Map) channels.push(readChannel(id, m));
  });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { title: readTitle(doc), players: players.sort(byId), channels: channels.sort(byId), ...readDiscussion(doc) };
}

const isPlayerText = (k: string) => (PLAYER_TEXT_FIELDS as readonly string[]).includes(k);
const isChannelText = (k: string) => (CHANNEL_TEXT_FIELDS as readonly string[]).includes(k);

function playerToY(p: Player): YPlayer {
  const m = new Y.Map<unknown>();
  const { id: _id, aliases, ...fields } = p;
  for (const [k, v] of Object.entries(fields)) m.set(k, isPlayerText(k) ? new Y.Text(v as string) : v);
  const ya = new Y.Array<string>();
  ya.push(aliases);
  m.set("aliases", ya);
  return m;
}

function channelToY(c: Channel): YChannel {
  const m = new Y.Map<unknown>();
  const { id: _id, ...fields } = c;
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) m.set(k, isChannelText(k) ? new Y.Text(v as string) : v);
  return m;
}

export function setTitle(doc: Y.Doc, title: string): void {
  doc.transact(() => writeText(metaOf(doc), "title", title));
}

/** Replaces the whole content in one transaction (templates, imports, restores). */
export function writeBoard(doc: Y.Doc, board: Board, origin?: unknown): void {
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set("title", new Y.Text(board.title));
    meta.set("schemaVersion", SCHEMA_VERSION);
    const players = playersOf(doc);
    const channels = channelsOf(doc);
    for (const id of [...channels.keys()]) channels.delete(id);
    for (const id of [...players.keys()]) players.delete(id);
    for (const p of board.players) players.set(p.id, playerToY(p));
    for (const c of board.channels) channels.set(c.id, channelToY(c));
    writeDiscussion(doc, board);
  }, origin);
}

export function addPlayer(doc: Y.Doc, player: Player): void {
  doc.transact(() => {
    if (player.isUs) clearUs(doc);
    playersOf(doc).set(player.id, playerToY(player));
  });
}

/**
 * Turns a sticky note into a player of `kind` in one transaction, so one undo brings the note
 * back: its first line the name, the rest the player's notes. Returns the player, or null when
 * the note is gone (someone converted or deleted it first).
 */
export function convertNoteToPlayer(doc: Y.Doc, noteId: string, kind: PlayerKind, playerId: string): Player | null {
  const m = notesOf(doc).get(noteId);
  if (!(m instanceof Y.Map)) return null;
  const player = makePlayer(playerFromNote(readNote(noteId, m), kind, playerId));
  doc.transact(() => {
    playersOf(doc).set(player.id, playerToY(player));
    notesOf(doc).delete(noteId);
  });
  return player;
}

type PlayerPatch = Partial<Omit<Player, "id">>;

/** Sets only the given fields, so concurrent edits of other fields of the same player survive. */
export function updatePlayer(doc: Y.Doc, id: string, patch: PlayerPatch): void {
  const m = playersOf(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    // Exactly one "us": marking a player as us unmarks the others in the same change.
    if (patch.isUs === true) clearUs(doc, id);
    for (const [k, v] of Object.entries(patch)) {
      if (k === "aliases") {
        const ya = new Y.Array<string>();
        ya.push(v as string[]);
        m.set("aliases", ya);
      } else if (isPlayerText(k)) {
        writeText(m, k, v as string);
      } else if (v !== undefined && m.get(k) !== v) m.set(k, v);
    }
  });
}

function clearUs(doc: Y.Doc, except?: string): void {
  playersOf(doc).forEach((m, id) => {
    if (id !== except && m instanceof Y.Map && m.get("isUs") === true) m.set("isUs", false);
  });
}

export function movePlayers(doc: Y.Doc, moves: { id: string; x: number; y: number }[]): void {
  doc.transact(() => {
    for (const { id, x, y } of moves) {
      const m = playersOf(doc).get(id);
      if (!(m instanceof Y.Map)) continue;
      if (m.get("x") !== x) m.set("x", x);
      if (m.get("y") !== y) m.set("y", y);
    }
  });
}

/** Deletes players and every channel that touches them, in one change. */
export function deletePlayers(doc: Y.Doc, ids: string[]): void {
  const gone = new Set(ids);
  doc.transact(() => {
    const channels = channelsOf(doc);
    channels.forEach((m, cid) => {
      if (m instanceof Y.Map && (gone.has(str(m.get("from"))) || gone.has(str(m.get("to"))))) channels.delete(cid);
    });
    for (const id of ids) playersOf(doc).delete(id);
  });
}

export function addChannel(doc: Y.Doc, channel: Channel): void {
  channelsOf(doc).set(channel.id, channelToY(channel));
}

export function updateChannel(doc: Y.Doc, id: string, patch: Partial<Omit<Channel, "id">>): void {
  const m = channelsOf(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) m.delete(k);
      else if (isChannelText(k)) writeText(m, k, v as string);
      else if (m.get(k) !== v) m.set(k, v);
    }
  });
}

export function deleteChannels(doc: Y.Doc, ids: string[]): void {
  doc.transact(() => {
    for (const id of ids) channelsOf(doc).delete(id);
  });
}

/**
 * Repair rule R-DANGLING: a channel added while another person deleted one of its players
 * survives the merge with a missing end. Every reader ignores such channels (liveChannels),
 * and an editing client deletes them; deletion is idempotent, so several clients doing it at
 * once converge.
 */
export function danglingChannelIds(doc: Y.Doc): string[] {
  const players = playersOf(doc);
  const ids: string[] = [];
  channelsOf(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map) || !players.has(str(m.get("from"))) || !players.has(str(m.get("to")))) ids.push(id);
  });
  return ids;
}

export function repairDangling(doc: Y.Doc, origin?: unknown): number {
  const ids = danglingChannelIds(doc);
  if (ids.length) doc.transact(() => ids.forEach((id) => channelsOf(doc).delete(id)), origin);
  return ids.length;
}

// --- workshop (public state only: never anyone's answers) ------------------------------------

/**
 * `doc.getMap('workshop')`: the current round as everyone may see it — its questions, status,
 * timer and who has answered (not what) — and the facilitator's spotlight. Written by the
 * server for rounds; answers stay on the server until the reveal (PRODUCT.md, workshop).
 *   round:         { id, status, questions, timerSeconds, startedAt, lockEditing, blind, timeUp },
 *                  written on start, status changes and when the timer ends (boards written
 *                  before answeredBy also hold `answered: [{ref,name,function}]` in it; rounds
 *                  written before blind and timeUp lack them: false)
 *                  blind: the board hides what the round asks about while it is open
 *                  timeUp: the timer ran out, answers are closed and editing is no longer paused
 *   answeredBy:    Y.Map ref → { name, function, at }: the first MAX_ANSWERED_NAMES who answered
 *   answeredCount: how many answered in all
 * Who answered is kept per participant so that an answer changes a few bytes of the document,
 * not the whole list: rewritten whole, 440 answers sent every client 19 MB.
 */
export const workshopOf = (doc: Y.Doc) => doc.getMap<unknown>("workshop");

/** The document names at most this many who answered; beyond them only the count grows. */
export const MAX_ANSWERED_NAMES = 100;

export interface RoundInfo {
  id: string;
  status: RoundStatus;
  questions: string[];
  timerSeconds: number | null;
  startedAt: string;
  lockEditing: boolean;
  /** The board hides what the round asks about while it is open (absent: false). */
  blind?: boolean;
  /** The timer ran out: no more answers, and editing is no longer paused (absent: false). */
  timeUp?: boolean;
}

export interface AnsweredEntry {
  ref: string;
  name: string;
  function: string;
}

export interface PublicRound extends RoundInfo {
  blind: boolean;
  timeUp: boolean;
  /** Who answered, in the order they first answered: at most MAX_ANSWERED_NAMES (an older board: all). */
  answered: AnsweredEntry[];
  /** How many answered, including those beyond the names listed. */
  answeredCount: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** The per-participant map, then the old whole list of a round written before it. */
function readAnswered(workshop: Y.Map<unknown>, legacy: unknown): AnsweredEntry[] {
  const by = workshop.get("answeredBy");
  const listed: (AnsweredEntry & { at: number })[] = [];
  if (by instanceof Y.Map) {
    by.forEach((v, ref) => {
      if (isRecord(v)) listed.push({ ref, name: str(v.name), function: str(v.function), at: num(v.at) });
    });
  }
  // Y.Map keys come in the order this client integrated them: sort for the same order everywhere.
  listed.sort((a, b) => a.at - b.at || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const inMap = new Set(listed.map((a) => a.ref));
  const old = Array.isArray(legacy) ? legacy.filter((a): a is Record<string, unknown> => isRecord(a) && typeof a.ref === "string" && !inMap.has(a.ref)) : [];
  return [...old.map((a) => ({ ref: a.ref as string, name: str(a.name), function: str(a.function) })), ...listed.map(({ ref, name, function: fn }) => ({ ref, name, function: fn }))];
}

export function readRound(doc: Y.Doc): PublicRound | null {
  const workshop = workshopOf(doc);
  const o = workshop.get("round");
  if (!isRecord(o)) return null;
  if (typeof o.id !== "string" || !(ROUND_STATUSES as readonly unknown[]).includes(o.status)) return null;
  const answered = readAnswered(workshop, o.answered);
  const count = num(workshop.get("answeredCount"));
  return {
    id: o.id,
    status: o.status as RoundStatus,
    questions: Array.isArray(o.questions) ? o.questions.filter((q): q is string => typeof q === "string") : [],
    timerSeconds: typeof o.timerSeconds === "number" ? o.timerSeconds : null,
    startedAt: str(o.startedAt),
    lockEditing: o.lockEditing === true,
    blind: o.blind === true,
    timeUp: o.timeUp === true,
    answered,
    answeredCount: Math.max(count, answered.length),
  };
}

/** Writes the round's own fields (never who answered): on a new round and on status changes. */
export function writeRound(doc: Y.Doc, round: RoundInfo | null, origin?: unknown): void {
  doc.transact(() => {
    const workshop = workshopOf(doc);
    if (!round) {
      for (const key of ["round", "answeredBy", "answeredCount"]) workshop.delete(key);
      return;
    }
    const { id, status, questions, timerSeconds, startedAt, lockEditing } = round;
    workshop.set("round", { id, status, questions, timerSeconds, startedAt, lockEditing, blind: round.blind === true, timeUp: round.timeUp === true });
  }, origin);
}

/** A new round: its fields and an empty list of who answered, in one change. */
export function startRound(doc: Y.Doc, round: RoundInfo, origin?: unknown): void {
  doc.transact(() => {
    writeRound(doc, round);
    workshopOf(doc).set("answeredBy", new Y.Map<unknown>());
    workshopOf(doc).set("answeredCount", 0);
  }, origin);
}

/**
 * Brings who answered to `answered` (the first MAX_ANSWERED_NAMES are kept, `at` orders them)
 * and `count`, writing only participants that are new, changed or gone: an answer sent again
 * with the same name and function writes nothing.
 */
export function writeAnswered(doc: Y.Doc, answered: (AnsweredEntry & { at: number })[], count: number, origin?: unknown): void {
  doc.transact(() => {
    const workshop = workshopOf(doc);
    const round = workshop.get("round");
    // A round written before answeredBy carries the whole list: drop it once, the map replaces it.
    if (isRecord(round) && "answered" in round) {
      const { answered: _old, ...rest } = round;
      workshop.set("round", rest);
    }
    let by = workshop.get("answeredBy");
    if (!(by instanceof Y.Map)) {
      by = new Y.Map<unknown>();
      workshop.set("answeredBy", by);
    }
    const map = by as Y.Map<unknown>;
    const shown = answered.slice(0, MAX_ANSWERED_NAMES);
    const keep = new Set(shown.map((a) => a.ref));
    for (const ref of [...map.keys()]) if (!keep.has(ref)) map.delete(ref);
    for (const { ref, name, function: fn, at } of shown) {
      const old = map.get(ref);
      if (!isRecord(old) || old.name !== name || old.function !== fn || old.at !== at) map.set(ref, { name, function: fn, at });
    }
    if (workshop.get("answeredCount") !== count) workshop.set("answeredCount", count);
  }, origin);
}

/** Is editing locked for everyone but the owner (an open round that asked for it, with time left)? */
export function editingLocked(doc: Y.Doc): boolean {
  const round = readRound(doc);
  return !!round && round.status === "open" && round.lockEditing && !round.timeUp;
}

/** The facilitator's "bring everyone to my view": the awareness client id to follow. */
export interface Spotlight {
  clientId: number;
  name: string;
  since: string;
}

export function readSpotlight(doc: Y.Doc): Spotlight | null {
  const s = workshopOf(doc).get("spotlight") as Partial<Spotlight> | undefined;
  return s && typeof s.clientId === "number" ? { clientId: s.clientId, name: str(s.name), since: str(s.since) } : null;
}

/** Written by the server only (R-WORKSHOP): the page asks for it over HTTP. */
export function setSpotlight(doc: Y.Doc, spotlight: Spotlight | null, origin?: unknown): void {
  doc.transact(() => {
    if (spotlight) workshopOf(doc).set("spotlight", spotlight);
    else workshopOf(doc).delete("spotlight");
  }, origin);
}

// --- free-text fields, for the text binding -----------------------------------------------------

/** One free-text field of the document (PRODUCT.md): the title, a text field of a player or channel, a note's text, a frame's title. */
export type TextFieldRef =
  | { kind: "title" }
  | { kind: "player"; id: string; field: PlayerTextField }
  | { kind: "channel"; id: string; field: ChannelTextField }
  | { kind: "note"; id: string; field: "text" }
  | { kind: "frame"; id: string; field: "title" };

/** Where the field lives now: the map and key, or null when its player or channel is gone. */
export function locateTextField(doc: Y.Doc, ref: TextFieldRef): { map: Y.Map<unknown>; key: string } | null {
  if (ref.kind === "title") return { map: metaOf(doc), key: "title" };
  const maps = { player: playersOf, channel: channelsOf, note: notesOf, frame: framesOf } as const;
  const map = maps[ref.kind](doc).get(ref.id);
  return map instanceof Y.Map ? { map, key: ref.field } : null;
}
