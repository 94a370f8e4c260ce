import { useMemo } from "react";
import type { Board } from "@/lib/valuechain/model";
import { QUESTION_LABELS } from "@/lib/valuechain/labels";
import type { RoundsClient } from "../api";
import type { RoundView } from "@/lib/contracts/rounds";
import type { AdoptChange } from "../adopt";
import { percent } from "../decorations";
import { ResultExports } from "./ResultExports";
import { ResultItem } from "./ResultItem";

const kappaText = (kappa: number | null) => (kappa === null ? "κ —" : `κ = ${kappa.toFixed(2)}`);

interface RoundResultsProps {
  view: RoundView;
  board: Board;
  client: RoundsClient;
  onAdopt?: (change: AdoptChange) => void;
  testId?: string;
}

/**
 * A revealed round: the overall agreement (Fleiss' kappa, in words), then every question about
 * every segment with who answered what, most contested first (the server's order).
 */
export function RoundResults({ view, board, client, onAdopt, testId = "round-results" }: RoundResultsProps) {
  const players = useMemo(() => new Map(board.players.map((p) => [p.id, p])), [board.players]);
  const { scores } = view;
  const answers = view.answers ?? [];

  return (
    <section data-testid={testId} aria-label="Round results" className="space-y-2.5">
      {!scores || scores.items.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody answered this round.</p>
      ) : (
        <>
          <div className="rounded-lg bg-slate-50 px-2.5 py-2">
            <p className="text-sm text-slate-900">
              <strong data-testid="round-kappa">{kappaText(scores.kappa)}</strong> — <span data-testid="round-reading">{scores.reading}</span>
            </p>
            <p className="text-[11px] text-slate-500">
              Fleiss&apos; kappa: agreement beyond chance across {answers.length} {answers.length === 1 ? "participant" : "participants"}. Below: the share giving the most common answer.
            </p>
            {scores.questions.length > 1 && (
              <ul className="mt-1.5 space-y-0.5 text-xs text-slate-700" aria-label="Agreement per question">
                {scores.questions.map((q) => (
                  <li key={q.question} data-testid={`question-kappa-${q.question}`} className="flex justify-between gap-2">
                    <span>{QUESTION_LABELS[q.question].label}</span>
                    <span className="text-right text-slate-500">
                      {kappaText(q.kappa)}, {q.reading}
                      {q.meanAgreement !== null && ` · ${percent(q.meanAgreement)} on average`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ol className="space-y-1.5" aria-label="Answers, most contested first">
            {scores.items.map((item) => (
              <ResultItem key={`${item.question}:${item.item}`} item={item} board={board} players={players} answers={answers} onAdopt={onAdopt} />
            ))}
          </ol>
        </>
      )}
      {scores && <ResultExports client={client} view={view} />}
    </section>
  );
}
