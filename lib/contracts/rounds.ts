/** Workshop rounds and the facilitator's spotlight: `…/rounds`, `…/spotlight` (PRODUCT.md, Workshop rounds). */
import { z } from "../valuechain/zod";
import { ParticipantSchema, ROUND_QUESTIONS, RoundAnswersSchema, type ParticipantAnswers, type RoundQuestion, type RoundScores } from "../valuechain/rounds";

/** Open takes answers; revealed shows them to everyone; closed takes none and stays readable. */
export const ROUND_STATUSES = ["open", "revealed", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** `POST …/rounds` (owner): starts a round; any open round is closed first. */
export const CreateRoundBody = z.strictObject({
  questions: z.array(z.enum(ROUND_QUESTIONS)).min(1).max(ROUND_QUESTIONS.length),
  // The form offers 10 s at least; the API takes any second from 1 (short rounds in tests).
  timerSeconds: z.number().int().min(1).max(3600).optional(),
  lockEditing: z.boolean().optional(),
  /** Hide what the round asks about on the board while it is open (default: yes). */
  blind: z.boolean().optional(),
});
export type CreateRoundRequest = z.input<typeof CreateRoundBody>;

/** 201 of `POST …/rounds`. */
export interface CreatedRound {
  id: string;
}

/**
 * `PUT …/rounds/{rid}/answers` (editor): one participant's private answers. Without a
 * participantId the server issues one; sending it again replaces that participant's answers.
 */
export const PutAnswersBody = z.strictObject({
  participantId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  participant: ParticipantSchema,
  answers: RoundAnswersSchema,
});
export type PutAnswersRequest = z.input<typeof PutAnswersBody>;

/** 200 of `PUT …/answers`. */
export interface AnswerReceipt {
  participantId: string;
}

/** `GET …/rounds/{rid}` (and what reveal and close answer): answers and scores only once revealed. */
export interface RoundView {
  id: string;
  status: RoundStatus;
  questions: RoundQuestion[];
  timerSeconds: number | null;
  lockEditing: boolean;
  /** The board hides what the round asks about while it is open. */
  blind: boolean;
  /** When the timer ends (ISO 8601), or null without a timer. */
  endsAt: string | null;
  /** The timer has run out: the round takes no more answers. */
  timeUp: boolean;
  createdAt: string;
  answered: { ref: string; name: string; function: string; duplicate: boolean }[];
  answers?: (ParticipantAnswers & { ref: string })[];
  scores?: RoundScores;
}

/** One round of `GET …/rounds`, newest first: `{ rounds: RoundListEntry[] }`. */
export interface RoundListEntry {
  id: string;
  status: RoundStatus;
  questions: RoundQuestion[];
  createdAt: string;
  answeredCount: number;
}

/** `PUT …/spotlight` (owner): everyone else follows this awareness client's view. */
export const SpotlightBody = z.object({
  /** The facilitator's awareness client id. */
  clientId: z.number().int().nonnegative().max(2 ** 53 - 1),
  name: z.string().trim().min(1).max(80),
});
export type SpotlightRequest = z.input<typeof SpotlightBody>;
