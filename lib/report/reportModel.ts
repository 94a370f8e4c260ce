/**
 * What a board report says, as plain data gathered from plain inputs: the board, who is on it,
 * the last revealed workshop round and, when asked, a version to compare with. reportHtml.ts
 * lays it out; the route (app/api/boards/[id]/report) fetches the inputs. No I/O, no React.
 *
 * Every sentence is worked out here, in the words of the questions panel (labels.ts, format.ts),
 * so the page and the PDF (the same HTML) say the same thing, and tests can read it as data.
 */
import { analyzeBoard, type Answers } from "../valuechain/answers";
import { diffBoards, type ChannelFieldChange, type PlayerFieldChange } from "../valuechain/boardDiff";
import { chainOrder } from "../valuechain/chainOrder";
import { formatPercent, listWords, plural } from "../valuechain/format";
import {
  AGREEMENT_LABELS,
  answerValueLabel,
  CUSTOMER_LABELS,
  EIGHT_QUESTIONS,
  FLOW_LABELS,
  KIND_LABELS,
  QUESTION_LABELS,
  STRATEGY_LABELS,
  TRANSACTION_LABELS,
} from "../valuechain/labels";
import { DEFAULT_BOARD_TITLE, liveChannels, shownName, type Board, type Channel, type Player, type PlayerKind } from "../valuechain/model";
import type { RoundQuestion, RoundScores } from "../valuechain/rounds";
import { renderBoardSvg } from "../picture/boardSvg";

export interface ReportPerson {
  name: string;
  function: string;
}

/** A revealed (or closed) workshop round with its scores. */
export interface ReportRoundInput {
  createdAt: string;
  status: string;
  questions: RoundQuestion[];
  participants: ReportPerson[];
  scores: RoundScores;
}

export interface ReportInput {
  board: Board;
  generatedAt: Date;
  /** People connected to the board when the report was made; null when the server cannot see them. */
  connected: ReportPerson[] | null;
  /** The last revealed workshop round, or null when there is none. */
  lastRound: ReportRoundInput | null;
  /** The version to report the changes since, with its board; null when none was asked for. */
  since: { version: { id: string; name: string; createdAt: string }; board: Board } | null;
}

export interface ReportQuestion {
  n: number;
  question: string;
  /** The answer in a sentence. */
  answer: string;
  /** Lines that detail it (players by kind, each customer with its reason…). */
  details: string[];
}

export interface ReportRoute {
  players: string[];
  /** Percentage of the first player's goods volume, when every channel on the route has a share. */
  share: number | null;
}

export interface ReportStrategyRow {
  id: string;
  name: string;
  isUs: boolean;
  kind: string;
  customer: string;
  why: string;
  strategy: string;
  transaction: string;
  aliases: string[];
}

export interface ReportRoundItem {
  question: string;
  segment: string;
  /** The answer most gave, or the tied answers ("A / B"). */
  answer: string;
  /** Share agreeing with the most common answer, 0–1. */
  agreement: number;
  level: string;
  tied: boolean;
}

export interface ReportRound {
  date: string;
  status: string;
  participants: ReportPerson[];
  kappa: number | null;
  reading: string;
  questions: { question: string; kappa: number | null; reading: string; meanAgreement: number | null }[];
  items: ReportRoundItem[];
}

export interface ReportChanges {
  version: { id: string; name: string; createdAt: string };
  title: { before: string; after: string } | null;
  counts: { players: Record<"added" | "removed" | "changed" | "moved", number>; channels: Record<"added" | "removed" | "changed", number> };
  /** One line per player or channel change, for people. */
  players: string[];
  channels: string[];
  /** How the answers to the eight questions moved (answersDiff.ts). */
  answers: string[];
}

export interface ReportData {
  title: string;
  generatedAt: { iso: string; human: string };
  presence: {
    /** Connected when the report was made; null when the server cannot see presence. */
    connected: ReportPerson[] | null;
    /** The participants of the last revealed workshop round. */
    lastRound: { date: string; people: ReportPerson[] } | null;
  };
  diagram: { svg: string; width: number; height: number };
  questions: ReportQuestion[];
  channels: {
    count: number;
    capped: boolean;
    fromUs: boolean;
    routes: ReportRoute[];
    /** Every route has its share (and the board has routes). */
    sharesKnown: boolean;
    /** The routes' shares added up, when all are known and they start at us. */
    total: number | null;
    /** Goods channels on the routes still without a share, as "A → B". */
    missingShares: string[];
  };
  strategy: ReportStrategyRow[];
  warnings: { message: string; players: string[] }[];
  /** Open comment threads: what the leaders have not settled yet, oldest first. */
  discussion: { on: string; messages: { author: string; text: string; at: string }[] }[];
  round: ReportRound | null;
  changes: ReportChanges | null;
}

/** "29 November 2026, 14:05 UTC": the server's clock zone is nobody's, so the report says UTC. */
export function humanDate(date: Date): string {
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }).format(date);
  return `${day}, ${time} UTC`;
}

export function buildReport(input: ReportInput): ReportData {
  const { board } = input;
  const answers = analyzeBoard(board);
  const byId = new Map(board.players.map((p) => [p.id, p]));
  const name = (id: string) => {
    const p = byId.get(id);
    return p ? shownName(p) : id;
  };
  const diagram = renderBoardSvg(board, { background: "white", legend: true });
  return {
    title: board.title.trim() || DEFAULT_BOARD_TITLE,
    generatedAt: { iso: input.generatedAt.toISOString(), human: humanDate(input.generatedAt) },
    presence: {
      connected: input.connected,
      lastRound: input.lastRound ? { date: humanDate(new Date(input.lastRound.createdAt)), people: input.lastRound.participants } : null,
    },
    diagram: { svg: diagram.svg, width: diagram.width, height: diagram.height },
    questions: eightQuestions(board, answers, name),
    channels: channelsSection(board, answers, name),
    strategy: strategyRows(board),
    warnings: answers.warnings.map((w) => ({ message: w.message, players: w.ids.map(name) })),
    discussion: openThreads(board, name),
    round: input.lastRound ? roundSection(input.lastRound, name) : null,
    changes: input.since ? changesSection(input.since, board) : null,
  };
}

type NameOf = (id: string) => string;

function openThreads(board: Board, name: NameOf): ReportData["discussion"] {
  return (board.comments ?? [])
    .filter((t) => !t.resolved)
    .sort((a, b) => (a.messages[0]?.at ?? "").localeCompare(b.messages[0]?.at ?? ""))
    .map((t) => {
      const target = t.target;
      const channel = "channel" in target ? board.channels.find((c) => c.id === target.channel) : undefined;
      const on =
        "player" in target
          ? byIdName(board, target.player, name)
          : "channel" in target
            ? channel
              ? `${name(channel.from)} → ${name(channel.to)}`
              : "a channel since deleted"
            : "the canvas";
      return { on, messages: t.messages.map((m) => ({ author: m.author.function ? `${m.author.name} (${m.author.function})` : m.author.name, text: m.text, at: m.at.slice(0, 16).replace("T", " ") })) };
    });
}

const byIdName = (board: Board, id: string, name: NameOf) => (board.players.some((p) => p.id === id) ? name(id) : "a player since deleted");

function eightQuestions(board: Board, a: Answers, name: NameOf): ReportQuestion[] {
  const names = (ids: readonly string[]) => listWords(ids.map(name));
  const why = (text: string) => text.trim() || "no reason written down";
  const kinds = Object.entries(a.players) as [PlayerKind, string[]][];
  const decided = [...a.customers, ...a.nonCustomers];
  const missingWhy = decided.filter((r) => !r.why.trim()).length;
  const anyMarkedConsumer = board.players.some((p) => p.consumer);
  const answers: Omit<ReportQuestion, "n" | "question">[] = [
    {
      answer: board.players.length ? `${plural(board.players.length, "player")} of ${plural(kinds.length, "kind")}.` : "No players on the board yet.",
      details: kinds.map(([kind, ids]) => `${KIND_LABELS[kind]}: ${names(ids)}`),
    },
    {
      answer: a.consumers.length
        ? `${names(a.consumers)}.${anyMarkedConsumer ? "" : " Nobody is marked as the ultimate consumer, so these are the players where the goods flow ends."}`
        : "Nobody yet: no player is marked as the ultimate consumer.",
      details: [],
    },
    { answer: a.starts.length ? `${names(a.starts)}.` : "Nobody yet: no goods flow is drawn.", details: [] },
    {
      answer: a.us ? `${name(a.us.id)}, at stage ${a.us.stage} of ${a.us.stages}, counting players along the longest goods route.` : "Nobody is marked as us yet.",
      details: [],
    },
    {
      answer: a.customers.length ? `${plural(a.customers.length, "customer")}: ${names(a.customers.map((c) => c.id))}.` : "Nobody is marked as a customer yet.",
      details: [
        ...a.customers.map((c) => `${name(c.id)} — ${why(c.why)}`),
        ...(a.undecided.length ? [`Not decided yet: ${names(a.undecided)}`] : []),
      ],
    },
    {
      answer: a.nonCustomers.length ? `${plural(a.nonCustomers.length, "player")}: ${names(a.nonCustomers.map((c) => c.id))}.` : "Nobody is marked as not a customer yet.",
      details: a.nonCustomers.map((c) => `${name(c.id)} — ${why(c.why)}`),
    },
    {
      answer: !decided.length
        ? "No customer decisions yet."
        : missingWhy
          ? `${plural(missingWhy, "decision")} of ${decided.length} without a reason.`
          : `All ${plural(decided.length, "decision")} have a reason.`,
      details: decided.map((r) => `${name(r.id)} (${a.customers.includes(r) ? "customer" : "not a customer"}): ${why(r.why)}`),
    },
    {
      answer:
        `${a.channels.capped ? "At least " : ""}${plural(a.channels.count, "distribution channel")}` +
        (a.us ? " from us to a consumer." : " from the start of the chain to a consumer, as nobody is marked as us."),
      details: [],
    },
  ];
  return answers.map((answer, i) => ({ n: i + 1, question: EIGHT_QUESTIONS[i], ...answer }));
}

function channelsSection(board: Board, a: Answers, name: NameOf): ReportData["channels"] {
  const routes = a.channels.paths.map((path, i) => ({ players: path.map(name), share: a.channels.shares[i] ?? null }));
  const sharesKnown = routes.length > 0 && a.channels.missingShares.length === 0 && routes.every((r) => r.share !== null);
  const byId = new Map(liveChannels(board).map((c) => [c.id, c]));
  return {
    count: a.channels.count,
    capped: a.channels.capped,
    fromUs: a.us !== null,
    routes,
    sharesKnown,
    total: sharesKnown && a.us !== null && !a.channels.capped ? routes.reduce((sum, r) => sum + (r.share ?? 0), 0) : null,
    missingShares: a.channels.missingShares.map((id) => {
      const c = byId.get(id);
      return c ? `${name(c.from)} → ${name(c.to)}` : id;
    }),
  };
}

/** One row per player, along the chain (chainOrder.ts), so the table reads like the diagram. */
function strategyRows(board: Board): ReportStrategyRow[] {
  const byId = new Map(board.players.map((p) => [p.id, p]));
  return chainOrder(board).players.map((id) => {
    const p = byId.get(id)!;
    return {
      id,
      name: shownName(p),
      isUs: p.isUs,
      kind: KIND_LABELS[p.kind],
      customer: p.isUs ? "Us" : CUSTOMER_LABELS[p.customer].label,
      why: p.isUs ? "" : p.why.trim(),
      strategy: p.isUs ? "—" : STRATEGY_LABELS[p.strategy].label,
      transaction: p.isUs ? "—" : TRANSACTION_LABELS[p.transaction].label,
      aliases: p.aliases,
    };
  });
}

function roundSection(round: ReportRoundInput, name: NameOf): ReportRound {
  const { scores } = round;
  const show = (q: RoundQuestion, value: string) => (q === "us" ? name(value) : answerValueLabel(q, value));
  return {
    date: humanDate(new Date(round.createdAt)),
    status: round.status,
    participants: round.participants,
    kappa: scores.kappa,
    reading: scores.reading,
    questions: scores.questions.map((q) => ({ question: QUESTION_LABELS[q.question].label, kappa: q.kappa, reading: q.reading, meanAgreement: q.meanAgreement })),
    items: scores.items.map((item) => ({
      question: QUESTION_LABELS[item.question].label,
      segment: item.item === "us" ? "The whole board" : name(item.item),
      answer: item.tied.length ? item.tied.map((v) => show(item.question, v)).join(" / ") : show(item.question, item.top),
      agreement: item.agreement,
      level: AGREEMENT_LABELS[item.level],
      tied: item.tied.length > 0,
    })),
  };
}

const FIELD_WORDS: Record<PlayerFieldChange["field"] | ChannelFieldChange["field"], string> = {
  name: "name",
  kind: "kind",
  isUs: "us",
  consumer: "ultimate consumer",
  customer: "customer",
  why: "why",
  strategy: "strategy",
  transaction: "transaction",
  notes: "notes",
  aliases: "other names",
  from: "from",
  to: "to",
  flow: "flow",
  label: "label",
  share: "share",
};

function changesSection(since: NonNullable<ReportInput["since"]>, live: Board): ReportChanges {
  const diff = diffBoards(since.board, live);
  const names = new Map<string, string>();
  for (const p of [...since.board.players, ...live.players]) names.set(p.id, shownName(p));
  const name = (id: string) => names.get(id) ?? id;
  const quoted = (text: string) => (text.trim() ? `“${text}”` : "(empty)");
  const playerValue = (c: PlayerFieldChange, v: PlayerFieldChange["before"]): string => {
    switch (c.field) {
      case "kind":
        return KIND_LABELS[v as Player["kind"]];
      case "customer":
        return CUSTOMER_LABELS[v as Player["customer"]].label;
      case "strategy":
        return STRATEGY_LABELS[v as Player["strategy"]].label;
      case "transaction":
        return TRANSACTION_LABELS[v as Player["transaction"]].label;
      case "isUs":
      case "consumer":
        return v ? "yes" : "no";
      case "aliases":
        return (v as string[]).length ? (v as string[]).join(", ") : "(none)";
      default:
        return quoted(v as string);
    }
  };
  const channelValue = (c: ChannelFieldChange, v: ChannelFieldChange["before"]): string => {
    switch (c.field) {
      case "from":
      case "to":
        return name(v as string);
      case "flow":
        return FLOW_LABELS[v as Channel["flow"]].label;
      case "share":
        return v === null ? "(none)" : formatPercent(v as number);
      default:
        return quoted(v as string);
    }
  };
  const channelName = (c: Pick<Channel, "from" | "to" | "flow">) => `${FLOW_LABELS[c.flow].label} channel ${name(c.from)} → ${name(c.to)}`;
  const liveChannel = new Map(live.channels.map((c) => [c.id, c]));
  return {
    version: since.version,
    title: diff.title,
    counts: {
      players: { added: diff.players.added.length, removed: diff.players.removed.length, changed: diff.players.changed.length, moved: diff.players.moved.length },
      channels: { added: diff.channels.added.length, removed: diff.channels.removed.length, changed: diff.channels.changed.length },
    },
    players: [
      ...diff.players.added.map((p) => `Added ${shownName(p)} (${KIND_LABELS[p.kind]})`),
      ...diff.players.removed.map((p) => `Removed ${shownName(p)} (${KIND_LABELS[p.kind]})`),
      ...diff.players.changed.map(
        (p) => `Changed ${name(p.id)}: ${p.changes.map((c) => `${FIELD_WORDS[c.field]} ${playerValue(c, c.before)} → ${playerValue(c, c.after)}`).join("; ")}`,
      ),
    ],
    channels: [
      ...diff.channels.added.map((c) => `Added ${channelName(c)}`),
      ...diff.channels.removed.map((c) => `Removed ${channelName(c)}`),
      ...diff.channels.changed.map((c) => {
        const now = liveChannel.get(c.id);
        return `Changed ${now ? channelName(now) : c.id}: ${c.changes.map((f) => `${FIELD_WORDS[f.field]} ${channelValue(f, f.before)} → ${channelValue(f, f.after)}`).join("; ")}`;
      }),
    ],
    answers: diff.answers.map((a) => a.summary),
  };
}
