/**
 * Workshop rounds as plain data: what can be asked, what a participant's answers look like
 * (validated with zod) and how a revealed round is scored. The words for questions and
 * answers are in labels.ts, the Markdown summary of a round in roundSummary.ts.
 */
import { z } from "./zod";
import { CUSTOMER_DECISIONS, STRATEGIES, TRANSACTIONS, type Board } from "./model";
import { agreementLevel, fleissKappa, kappaReading, percentAgreement, type AgreementLevel } from "./agreement";

export const ROUND_QUESTIONS = ["customer", "strategy", "transaction", "us", "starts", "consumers", "names"] as const;
export type RoundQuestion = (typeof ROUND_QUESTIONS)[number];

/** What a participant does in the company, asked once with their name (presence, rounds). */
export const PARTICIPANT_FUNCTIONS = ["Sales", "Marketing", "Customer Service", "Finance", "Operations", "Other"] as const;
export type ParticipantFunction = (typeof PARTICIPANT_FUNCTIONS)[number];

/** Keys an object gives meaning to: as a record key they would set a prototype, not an answer. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const playerId = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => !PROTOTYPE_KEYS.has(id), "is not a player id");
const perPlayer = <T extends z.ZodType>(value: T) => z.record(playerId, value).refine((r) => Object.keys(r).length <= 5000, "too many players");

export const RoundAnswersSchema = z.strictObject({
  customer: perPlayer(z.strictObject({ value: z.enum(CUSTOMER_DECISIONS), why: z.string().max(2000).optional() })).optional(),
  strategy: perPlayer(z.enum(STRATEGIES)).optional(),
  transaction: perPlayer(z.enum(TRANSACTIONS)).optional(),
  us: playerId.optional(),
  starts: z.array(playerId).max(5000).optional(),
  consumers: z.array(playerId).max(5000).optional(),
  names: perPlayer(z.string().trim().min(1).max(200)).optional(),
});
export type RoundAnswers = z.infer<typeof RoundAnswersSchema>;

export const ParticipantSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  function: z.string().trim().min(1).max(60),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export interface ParticipantAnswers {
  ref: string;
  name: string;
  function: string;
  answers: RoundAnswers;
}

/** Problems with answers against the questions asked and the board's players. */
export function checkAnswers(answers: RoundAnswers, questions: RoundQuestion[], board: Board): { path: string; message: string } | null {
  const asked = new Set(questions);
  const players = new Set(board.players.map((p) => p.id));
  for (const key of Object.keys(answers) as RoundQuestion[]) {
    if (!asked.has(key)) return { path: `answers.${key}`, message: `this round does not ask "${key}"` };
  }
  const ids: [string, string][] = [];
  for (const q of ["customer", "strategy", "transaction", "names"] as const) {
    for (const id of Object.keys(answers[q] ?? {})) ids.push([`answers.${q}.${id}`, id]);
  }
  if (answers.us !== undefined) ids.push(["answers.us", answers.us]);
  for (const q of ["starts", "consumers"] as const) (answers[q] ?? []).forEach((id, i) => ids.push([`answers.${q}[${i}]`, id]));
  for (const [path, id] of ids) if (!players.has(id)) return { path, message: `no player "${id}" on this board` };
  return null;
}

export interface ItemScore {
  question: RoundQuestion;
  /** The player concerned; for "us" the item is the whole board ("us"). */
  item: string;
  /** answer value → who gave it. */
  distribution: { value: string; count: number; who: { name: string; function: string }[] }[];
  answered: number;
  agreement: number;
  level: AgreementLevel;
  /** The most common answer (ties broken by value order): for sorting and reports, not a verdict. */
  top: string;
  /** The answers that share the highest count, when more than one does (a 1-1 split): no answer leads. */
  tied: string[];
  /**
   * The answer the group leans to, the one a facilitator may adopt in one click: the most common
   * answer when no other answer has as many and more than one person gave it. Null for a tie and
   * for an answer only one person gave (one person's view is not the group's).
   */
  leading: string | null;
}

export interface RoundScores {
  items: ItemScore[];
  questions: { question: RoundQuestion; kappa: number | null; reading: string; meanAgreement: number | null }[];
  kappa: number | null;
  reading: string;
}

/** Names are scored case- and space-insensitively, so spelling is not disagreement. */
export const normalName = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** Every (question, item) → each participant's answer, for the questions asked. */
function collect(questions: RoundQuestion[], participants: ParticipantAnswers[], board: Board): Map<string, { question: RoundQuestion; item: string; answers: { p: ParticipantAnswers; value: string }[] }> {
  const items = new Map<string, { question: RoundQuestion; item: string; answers: { p: ParticipantAnswers; value: string }[] }>();
  const add = (question: RoundQuestion, item: string, p: ParticipantAnswers, value: string) => {
    const key = `${question}\u0000${item}`;
    if (!items.has(key)) items.set(key, { question, item, answers: [] });
    items.get(key)!.answers.push({ p, value });
  };
  const players = board.players.map((pl) => pl.id);
  for (const p of participants) {
    const a = p.answers;
    for (const q of questions) {
      if (q === "customer") for (const [id, v] of Object.entries(a.customer ?? {})) add(q, id, p, v.value);
      if (q === "strategy") for (const [id, v] of Object.entries(a.strategy ?? {})) add(q, id, p, v);
      if (q === "transaction") for (const [id, v] of Object.entries(a.transaction ?? {})) add(q, id, p, v);
      if (q === "names") for (const [id, v] of Object.entries(a.names ?? {})) add(q, id, p, normalName(v));
      if (q === "us" && a.us !== undefined) add(q, "us", p, a.us);
      if ((q === "starts" || q === "consumers") && a[q] !== undefined) {
        // Everyone who answered implicitly said "no" to every player they did not pick.
        const picked = new Set(a[q]);
        for (const id of players) add(q, id, p, picked.has(id) ? "yes" : "no");
      }
    }
  }
  // A player nobody picked as start or consumer is agreement on nothing worth showing.
  for (const [key, it] of items) {
    if ((it.question === "starts" || it.question === "consumers") && it.answers.every((x) => x.value === "no")) items.delete(key);
  }
  return items;
}

/** Who leads a distribution sorted by count: the values tied at the top, or the one leading answer (see ItemScore). */
export function leader(distribution: readonly { value: string; count: number }[]): { tied: string[]; leading: string | null } {
  const most = distribution[0]?.count ?? 0;
  const top = distribution.filter((d) => d.count === most).map((d) => d.value);
  if (top.length > 1) return { tied: top, leading: null };
  return { tied: [], leading: most > 1 ? top[0] : null };
}

export function scoreRound(questions: RoundQuestion[], participants: ParticipantAnswers[], board: Board): RoundScores {
  const collected = [...collect(questions, participants, board).values()];
  const items: ItemScore[] = collected.map(({ question, item, answers }) => {
    const byValue = new Map<string, { name: string; function: string }[]>();
    for (const { p, value } of answers) {
      if (!byValue.has(value)) byValue.set(value, []);
      byValue.get(value)!.push({ name: p.name, function: p.function });
    }
    const distribution = [...byValue.entries()]
      .map(([value, who]) => ({ value, count: who.length, who }))
      .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
    const agreement = percentAgreement(distribution.map((d) => d.count)) ?? 0;
    return { question, item, distribution, answered: answers.length, agreement, level: agreementLevel(agreement), top: distribution[0].value, ...leader(distribution) };
  });
  // Most contested first; then by question order and item id so the order is stable.
  items.sort((a, b) => a.agreement - b.agreement || ROUND_QUESTIONS.indexOf(a.question) - ROUND_QUESTIONS.indexOf(b.question) || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));

  const tableOf = (its: ItemScore[]) => {
    const values = [...new Set(its.flatMap((i) => i.distribution.map((d) => `${i.question}:${d.value}`)))];
    return its.map((i) => values.map((v) => i.distribution.find((d) => `${i.question}:${d.value}` === v)?.count ?? 0));
  };
  const perQuestion = questions.map((question) => {
    const its = items.filter((i) => i.question === question);
    const kappa = fleissKappa(tableOf(its));
    const meanAgreement = its.length ? its.reduce((s, i) => s + i.agreement, 0) / its.length : null;
    return { question, kappa, reading: kappaReading(kappa), meanAgreement };
  });
  const kappa = fleissKappa(tableOf(items));
  return { items, questions: perQuestion, kappa, reading: kappaReading(kappa) };
}
