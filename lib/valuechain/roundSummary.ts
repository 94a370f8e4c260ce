/**
 * A revealed round as Markdown, for a report (GET …/rounds/{rid}/summary): who took part, the
 * overall agreement, and per item every answer with who gave it, in the words the workshop
 * panel uses (labels.ts). Every text a person typed is escaped first.
 */
import type { Board } from "./model";
import { AGREEMENT_LABELS, answerValueLabel, QUESTION_LABELS } from "./labels";
import type { RoundQuestion, RoundScores } from "./rounds";

/**
 * User text as literal Markdown inline content: on one line (a newline would end a table row
 * and start a forged one), every ASCII punctuation mark escaped, so that no name or note can
 * become a link, an image, HTML, a table cell or emphasis, whatever renders the summary.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029\t]+/g, " ").replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/** A readable summary of a revealed round, in Markdown, for reports. */
export function roundSummary(round: { questions: RoundQuestion[]; createdAt: string }, scores: RoundScores, board: Board, participants: { name: string; function: string }[]): string {
  const md = markdownText;
  const name = (id: string) => md(board.players.find((p) => p.id === id)?.name || id);
  const show = (q: RoundQuestion, v: string) => (q === "us" ? name(v) : md(answerValueLabel(q, v)));
  const lines = [
    `### Workshop round of ${round.createdAt.slice(0, 10)}`,
    "",
    `Participants: ${participants.map((p) => `${md(p.name)} (${md(p.function)})`).join(", ") || "none"}.`,
    `Overall: ${scores.kappa === null ? "—" : `κ = ${scores.kappa.toFixed(2)}`}, ${scores.reading}.`,
    "",
    "| question | segment | answers | agreement |",
    "|---|---|---|---|",
  ];
  for (const i of scores.items) {
    const answers = i.distribution.map((d) => `${show(i.question, d.value)}: ${d.who.map((w) => md(w.name)).join(", ")}`).join("; ");
    const level = AGREEMENT_LABELS[i.level].toLowerCase() + (i.tied.length ? ", a tie" : "");
    lines.push(`| ${QUESTION_LABELS[i.question].label} | ${i.item === "us" ? "—" : name(i.item)} | ${answers} | ${Math.round(i.agreement * 100)} % (${level}) |`);
  }
  return lines.join("\n");
}
