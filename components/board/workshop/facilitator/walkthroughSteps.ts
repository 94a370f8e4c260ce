/**
 * The eight questions, one step at a time, for a facilitator leading the group through them:
 * what the board answers now, which players that concerns, and which private question asks
 * the group the same thing. Plain data, no React.
 */
import type { Answers } from "@/lib/valuechain/answers";
import { EIGHT_QUESTIONS, KIND_LABELS } from "@/lib/valuechain/labels";
import { playerName, type Board, type PlayerKind } from "@/lib/valuechain/model";
import type { RoundQuestion } from "@/lib/valuechain/rounds";
import { listWords, plural } from "@/lib/valuechain/format";

export interface WalkStep {
  /** The question's number in the questions panel; null for the sales view. */
  n: number | null;
  title: string;
  /** What a private round asks for this step (none for the channel count). */
  ask: RoundQuestion[];
  /** The players the step is about, for everyone's view to focus on. */
  concerned: (board: Board, answers: Answers) => string[];
  /** The board's current answer, in a sentence. */
  answer: (board: Board, answers: Answers) => string;
}

const MAX_NAMES = 6;
const names = (board: Board, ids: readonly string[]) => {
  const shown = ids.slice(0, MAX_NAMES).map((id) => playerName(board, id));
  if (ids.length > MAX_NAMES) shown.push(`${ids.length - MAX_NAMES} more`);
  return listWords(shown);
};
const everyone = (board: Board) => board.players.map((p) => p.id);

export const WALK_STEPS: WalkStep[] = [
  {
    n: 1,
    title: EIGHT_QUESTIONS[0],
    ask: ["names"],
    concerned: everyone,
    answer: (board, a) => {
      const kinds = Object.entries(a.players) as [PlayerKind, string[]][];
      if (!board.players.length) return "No players on the board yet.";
      return `${plural(board.players.length, "player")}: ${kinds.map(([kind, ids]) => `${ids.length} ${KIND_LABELS[kind].toLowerCase()}`).join(", ")}.`;
    },
  },
  {
    n: 2,
    title: EIGHT_QUESTIONS[1],
    ask: ["consumers"],
    concerned: (_b, a) => a.consumers,
    answer: (board, a) => (a.consumers.length ? `${names(board, a.consumers)}.` : "Nobody yet."),
  },
  {
    n: 3,
    title: EIGHT_QUESTIONS[2],
    ask: ["starts"],
    concerned: (_b, a) => a.starts,
    answer: (board, a) => (a.starts.length ? `${names(board, a.starts)}.` : "Nobody yet: no goods flow is drawn."),
  },
  {
    n: 4,
    title: EIGHT_QUESTIONS[3],
    ask: ["us"],
    concerned: (_b, a) => (a.us ? [a.us.id] : []),
    answer: (board, a) => (a.us ? `${playerName(board, a.us.id)}, at stage ${a.us.stage} of ${a.us.stages}.` : "Nobody is marked as us yet."),
  },
  {
    n: 5,
    title: EIGHT_QUESTIONS[4],
    ask: ["customer"],
    concerned: (_b, a) => a.customers.map((c) => c.id),
    answer: (board, a) => (a.customers.length ? `${names(board, a.customers.map((c) => c.id))}.` : "Nobody is marked as a customer yet."),
  },
  {
    n: 6,
    title: EIGHT_QUESTIONS[5],
    ask: ["customer"],
    concerned: (_b, a) => a.nonCustomers.map((c) => c.id),
    answer: (board, a) => (a.nonCustomers.length ? `${names(board, a.nonCustomers.map((c) => c.id))}.` : "Nobody is marked as not a customer yet."),
  },
  {
    n: 7,
    title: EIGHT_QUESTIONS[6],
    ask: ["customer"],
    concerned: (_b, a) => [...a.customers, ...a.nonCustomers].map((c) => c.id),
    answer: (_board, a) => {
      const decided = [...a.customers, ...a.nonCustomers];
      const missing = decided.filter((r) => !r.why.trim()).length;
      if (!decided.length) return "No customer decisions yet.";
      return missing ? `${plural(missing, "decision")} of ${decided.length} without a reason.` : `All ${plural(decided.length, "decision")} have a reason.`;
    },
  },
  {
    n: 8,
    title: EIGHT_QUESTIONS[7],
    ask: [],
    concerned: (_b, a) => [...new Set(a.channels.paths.flat())],
    answer: (_b, a) => `${a.channels.capped ? "At least " : ""}${plural(a.channels.count, "distribution channel")}.`,
  },
  {
    n: null,
    title: "Sales view: push or pull, direct or indirect?",
    ask: ["strategy", "transaction"],
    concerned: (board) => board.players.filter((p) => !p.isUs).map((p) => p.id),
    answer: (board) => {
      const segments = board.players.filter((p) => !p.isUs);
      const open = segments.filter((p) => p.strategy === "none" || p.transaction === "none").length;
      return segments.length ? (open ? `${plural(open, "segment")} of ${segments.length} without a strategy or a transaction.` : "Every segment has a strategy and a transaction.") : "No segments yet.";
    },
  },
];
