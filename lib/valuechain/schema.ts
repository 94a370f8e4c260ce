/**
 * The `chainboard/v1` board file: its zod schema, a parser that turns the first problem into
 * one readable error naming the path (`players[2].kind: expected one of …`), and the canonical
 * form every export writes.
 */
import { z } from "./zod";
import {
  BOARD_FORMAT,
  CHANNEL_DEFAULTS,
  CUSTOMER_DECISIONS,
  DEFAULT_BOARD_TITLE,
  FLOWS,
  PLAYER_DEFAULTS,
  PLAYER_KINDS,
  STRATEGIES,
  TRANSACTIONS,
  liveChannels,
  sortById,
  NOTE_COLORS,
  type Author,
  type Board,
  type BoardFile,
  type Channel,
  type CommentThread,
  type Note,
  type Player,
} from "./model";

/** Bounds that keep one imported file from exhausting the server or the canvas. */
export const BOARD_LIMITS = {
  idLength: 200,
  nameLength: 200,
  titleLength: 200,
  labelLength: 200,
  textLength: 5000,
  aliasLength: 200,
  aliases: 50,
  players: 5000,
  channels: 20000,
  notes: 5000,
  frames: 1000,
  comments: 10000,
  messages: 1000,
  authorLength: 100,
  frameSize: 100_000,
} as const;

const idSchema = z.string().min(1).max(BOARD_LIMITS.idLength);

export const PlayerSchema = z.strictObject({
  id: idSchema,
  name: z.string().max(BOARD_LIMITS.nameLength),
  kind: z.enum(PLAYER_KINDS),
  x: z.number().default(PLAYER_DEFAULTS.x),
  y: z.number().default(PLAYER_DEFAULTS.y),
  isUs: z.boolean().default(PLAYER_DEFAULTS.isUs),
  consumer: z.boolean().default(PLAYER_DEFAULTS.consumer),
  customer: z.enum(CUSTOMER_DECISIONS).default(PLAYER_DEFAULTS.customer),
  why: z.string().max(BOARD_LIMITS.textLength).default(PLAYER_DEFAULTS.why),
  strategy: z.enum(STRATEGIES).default(PLAYER_DEFAULTS.strategy),
  transaction: z.enum(TRANSACTIONS).default(PLAYER_DEFAULTS.transaction),
  notes: z.string().max(BOARD_LIMITS.textLength).default(PLAYER_DEFAULTS.notes),
  // A function default, so that no two parsed players share one array.
  aliases: z
    .array(z.string().min(1).max(BOARD_LIMITS.aliasLength))
    .max(BOARD_LIMITS.aliases)
    .default(() => []),
});

export const ChannelSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  flow: z.enum(FLOWS).default(CHANNEL_DEFAULTS.flow),
  label: z.string().max(BOARD_LIMITS.labelLength).default(CHANNEL_DEFAULTS.label),
  share: z.number().min(0).max(100).optional(),
});

const AuthorSchema = z.strictObject({
  name: z.string().min(1).max(BOARD_LIMITS.authorLength),
  function: z.string().max(BOARD_LIMITS.authorLength).optional(),
});

/** A named sticky-note colour or a hex colour: anything else could smuggle CSS into a picture. */
const NoteColorSchema = z.union([z.enum(NOTE_COLORS), z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "expected a colour name or #rrggbb")]);

export const NoteSchema = z.strictObject({
  id: idSchema,
  text: z.string().max(BOARD_LIMITS.textLength),
  color: NoteColorSchema,
  x: z.number(),
  y: z.number(),
  author: AuthorSchema.optional(),
});

export const FrameSchema = z.strictObject({
  id: idSchema,
  title: z.string().max(BOARD_LIMITS.titleLength),
  x: z.number(),
  y: z.number(),
  width: z.number().positive().max(BOARD_LIMITS.frameSize),
  height: z.number().positive().max(BOARD_LIMITS.frameSize),
});

const CommentTargetSchema = z.union([z.strictObject({ player: idSchema }), z.strictObject({ channel: idSchema }), z.strictObject({ x: z.number(), y: z.number() })], {
  error: 'expected { "player": id }, { "channel": id } or { "x": number, "y": number }',
});

export const CommentThreadSchema = z.strictObject({
  id: idSchema,
  target: CommentTargetSchema,
  resolved: z.boolean(),
  messages: z
    .array(
      z.strictObject({
        id: idSchema,
        author: AuthorSchema,
        text: z.string().min(1).max(BOARD_LIMITS.textLength),
        at: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(BOARD_LIMITS.messages),
});

export const BoardFileSchema = z
  .strictObject({
    format: z.literal(BOARD_FORMAT),
    title: z.string().max(BOARD_LIMITS.titleLength).default(DEFAULT_BOARD_TITLE),
    players: z.array(PlayerSchema).max(BOARD_LIMITS.players).default(() => []),
    channels: z.array(ChannelSchema).max(BOARD_LIMITS.channels).default(() => []),
    // Compatible extensions: a file without them is as valid as before.
    notes: z.array(NoteSchema).max(BOARD_LIMITS.notes).optional(),
    frames: z.array(FrameSchema).max(BOARD_LIMITS.frames).optional(),
    comments: z.array(CommentThreadSchema).max(BOARD_LIMITS.comments).optional(),
  })
  .superRefine((file, ctx) => {
    for (const problem of referenceProblems(file)) ctx.addIssue({ code: "custom", ...problem });
  });

interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

/** What the shape cannot say: ids unique (within players, within channels), channel ends exist. */
function referenceProblems(file: Board): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const playerIds = new Set<string>();
  file.players.forEach((player, i) => {
    if (playerIds.has(player.id)) problems.push({ path: ["players", i, "id"], message: `duplicate player id "${player.id}"` });
    playerIds.add(player.id);
  });
  const channelIds = new Set<string>();
  file.channels.forEach((channel, i) => {
    if (channelIds.has(channel.id)) problems.push({ path: ["channels", i, "id"], message: `duplicate channel id "${channel.id}"` });
    channelIds.add(channel.id);
    for (const end of ["from", "to"] as const) {
      if (!playerIds.has(channel[end])) {
        problems.push({ path: ["channels", i, end], message: `no player has the id "${channel[end]}"` });
      }
    }
  });
  // A thread may name a player or channel that is gone: it is kept as detached, as on the board.
  // Ids are unique within each array and within each thread's messages.
  for (const key of ["notes", "frames", "comments"] as const) problems.push(...duplicateIds(file[key] ?? [], [key]));
  file.comments?.forEach((thread, i) => problems.push(...duplicateIds(thread.messages, ["comments", i, "messages"])));
  return problems;
}

function duplicateIds(items: readonly { id: string }[], at: (string | number)[]): ReferenceProblem[] {
  const seen = new Set<string>();
  const problems: ReferenceProblem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: [...at, i, "id"], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return problems;
}

export interface BoardFileError {
  code: "invalid_board_file";
  message: string;
  path: string;
}

export type ParseBoardFileResult = { ok: true; board: BoardFile } | { ok: false; error: BoardFileError };

export function parseBoardFile(input: unknown): ParseBoardFileResult {
  const result = BoardFileSchema.safeParse(input, { reportInput: true });
  if (result.success) {
    const board: BoardFile = result.data;
    return { ok: true, board };
  }
  return { ok: false, error: describeIssue(result.error.issues[0]) };
}

/** `players[2].kind` from `["players", 2, "kind"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? String(key) : `${out}.${String(key)}`;
  }, "");
}

function describeIssue(issue: z.core.$ZodIssue): BoardFileError {
  // An unknown field is reported at the field itself, not at the object that holds it.
  const path = formatPath(issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path);
  const text = issueText(issue);
  return { code: "invalid_board_file", path, message: `${path === "" ? "board file" : path}: ${text}` };
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "required" : `expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.join(", ")}`;
    case "unrecognized_keys":
      return issue.keys.length === 1 ? "unknown field" : `unknown field (also unknown: ${issue.keys.slice(1).join(", ")})`;
    case "too_big":
      return `must be at most ${issue.maximum}${unitOf(issue.origin)}`;
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "must not be empty" : `must be at least ${issue.minimum}${unitOf(issue.origin)}`;
    default:
      return issue.message;
  }
}

function unitOf(origin: string): string {
  if (origin === "string") return " characters";
  if (origin === "array") return " items";
  return "";
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/**
 * The canonical file: every field present, sorted by id, dangling channels dropped; notes,
 * frames and comments only when the board has some, so a board without them exports as before.
 */
export function toBoardFile(board: Board): BoardFile {
  const file: BoardFile = {
    format: BOARD_FORMAT,
    title: board.title,
    players: sortById(board.players).map(canonicalPlayer),
    channels: sortById(liveChannels(board)).map(canonicalChannel),
  };
  if (board.notes?.length) file.notes = sortById(board.notes).map(canonicalNote);
  if (board.frames?.length) file.frames = sortById(board.frames).map((f) => ({ id: f.id, title: f.title, x: f.x, y: f.y, width: f.width, height: f.height }));
  if (board.comments?.length) file.comments = sortById(board.comments).map(canonicalThread);
  return file;
}

const canonicalAuthor = (a: Author): Author => (a.function !== undefined ? { name: a.name, function: a.function } : { name: a.name });

function canonicalNote(n: Note): Note {
  const note: Note = { id: n.id, text: n.text, color: n.color, x: n.x, y: n.y };
  if (n.author) note.author = canonicalAuthor(n.author);
  return note;
}

function canonicalThread(t: CommentThread): CommentThread {
  const target = "player" in t.target ? { player: t.target.player } : "channel" in t.target ? { channel: t.target.channel } : { x: t.target.x, y: t.target.y };
  // Messages keep their order: a conversation is read in the order it was written.
  return { id: t.id, target, resolved: t.resolved, messages: t.messages.map((m) => ({ id: m.id, author: canonicalAuthor(m.author), text: m.text, at: m.at })) };
}

function canonicalPlayer(p: Player): Player {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    x: p.x,
    y: p.y,
    isUs: p.isUs,
    consumer: p.consumer,
    customer: p.customer,
    why: p.why,
    strategy: p.strategy,
    transaction: p.transaction,
    notes: p.notes,
    aliases: [...p.aliases],
  };
}

function canonicalChannel(c: Channel): Channel {
  const channel: Channel = { id: c.id, from: c.from, to: c.to, flow: c.flow, label: c.label };
  if (c.share !== undefined) channel.share = c.share;
  return channel;
}
