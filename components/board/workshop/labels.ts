import type { ParticipantAnswers, RoundQuestion } from "@/lib/valuechain/rounds";
import type { CustomerDecision, Player, Strategy, Transaction } from "@/lib/valuechain/model";

export const CUSTOMER_CHOICES: Record<CustomerDecision, string> = { yes: "Customer", no: "Not a customer", undecided: "Undecided" };
export const STRATEGY_CHOICES: Record<Strategy, string> = {
  push: "Push",
  pull: "Pull",
  "push-pull": "Push and pull",
  specification: "Specification",
  none: "None",
};
export const TRANSACTION_CHOICES: Record<Transaction, string> = { direct: "Direct", indirect: "Indirect", none: "None" };

/** What each question asks a participant, in a sentence. */
export const QUESTION_PROMPTS: Record<RoundQuestion, string> = {
  customer: "Is each segment our customer, and why?",
  strategy: "Do we push, pull, both, or get specified — per segment?",
  transaction: "Do we invoice each segment directly, or through an intermediary?",
  us: "Which player is us?",
  starts: "Which players start the value chain?",
  consumers: "Which players ultimately consume what we sell?",
  names: "What do you call each segment?",
};

/** Short labels for the starts and consumers questions, scored per player as yes / no. */
const PICKED: Partial<Record<RoundQuestion, Record<string, string>>> = {
  starts: { yes: "Starts the chain", no: "Does not start it" },
  consumers: { yes: "Ultimate consumer", no: "Not the consumer" },
};

export const playerName = (players: ReadonlyMap<string, Player>, id: string) => players.get(id)?.name || "Unnamed player";

/**
 * The words shown for one answer value. Names are scored lower-cased; they are shown as the
 * first participant who used them wrote them.
 */
export function answerLabel(question: RoundQuestion, value: string, item: string, players: ReadonlyMap<string, Player>, answers: readonly ParticipantAnswers[] = []): string {
  switch (question) {
    case "customer":
      return CUSTOMER_CHOICES[value as CustomerDecision] ?? value;
    case "strategy":
      return STRATEGY_CHOICES[value as Strategy] ?? value;
    case "transaction":
      return TRANSACTION_CHOICES[value as Transaction] ?? value;
    case "us":
      return playerName(players, value);
    case "starts":
    case "consumers":
      return PICKED[question]?.[value] ?? value;
    case "names":
      return spelledName(answers, item, value) ?? value;
  }
}

export const normalName = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** A name as a participant typed it (the scores hold it lower-cased). */
export function spelledName(answers: readonly ParticipantAnswers[], playerId: string, normalized: string): string | undefined {
  for (const a of answers) {
    const typed = a.answers.names?.[playerId];
    if (typed !== undefined && normalName(typed) === normalized) return typed.trim().replace(/\s+/g, " ");
  }
  return undefined;
}
