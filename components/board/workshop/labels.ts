import { answerValueLabel } from "@/lib/valuechain/labels";
import type { Player } from "@/lib/valuechain/model";
import { normalName, type ParticipantAnswers, type RoundQuestion } from "@/lib/valuechain/rounds";

export const playerName = (players: ReadonlyMap<string, Player>, id: string) => players.get(id)?.name || "Unnamed player";

/**
 * The words shown for one answer value: the shared label of its value set (lib/valuechain/
 * labels.ts), or, for the questions answered with a player or a name, that player's name and
 * the name as the first participant who used it wrote it (names are scored lower-cased).
 */
export function answerLabel(question: RoundQuestion, value: string, item: string, players: ReadonlyMap<string, Player>, answers: readonly ParticipantAnswers[] = []): string {
  if (question === "us") return playerName(players, value);
  if (question === "names") return spelledName(answers, item, value) ?? value;
  return answerValueLabel(question, value);
}

/** A name as a participant typed it (the scores hold it lower-cased). */
export function spelledName(answers: readonly ParticipantAnswers[], playerId: string, normalized: string): string | undefined {
  for (const a of answers) {
    const typed = a.answers.names?.[playerId];
    if (typed !== undefined && normalName(typed) === normalized) return typed.trim().replace(/\s+/g, " ");
  }
  return undefined;
}
