import type { BoardDiff } from "@/lib/valuechain/boardDiff";
import { channelCounts, playerCounts } from "./compareScene";
import { DIFF_KINDS, DIFF_STYLE } from "./diffStyle";
import { DiscussionDiffList } from "./DiscussionDiffList";

interface AnswersDiffPanelProps {
  diff: BoardDiff;
  fromLabel: string;
  toLabel: string;
}

/** Beside the compare canvas: how many players and channels changed, and how the answers to the eight questions moved. */
export function AnswersDiffPanel({ diff, fromLabel, toLabel }: AnswersDiffPanelProps) {
  const players = playerCounts(diff);
  const channels = channelCounts(diff);
  return (
    <aside data-testid="answers-diff" aria-label="What changed" className="flex w-80 shrink-0 flex-col gap-4 overflow-y-auto border-l border-slate-200 bg-white p-4 text-sm">
      <div>
        <h2 className="text-base font-semibold">What changed</h2>
        <p className="text-slate-600">
          From <strong className="font-medium text-slate-900">{fromLabel}</strong> to <strong className="font-medium text-slate-900">{toLabel}</strong>
        </p>
      </div>

      <section aria-labelledby="diff-counts-heading" className="space-y-2">
        <h3 id="diff-counts-heading" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          On the canvas
        </h3>
        <table data-testid="diff-counts" className="w-full text-left">
          <thead>
            <tr className="text-xs text-slate-500">
              <th className="font-normal" />
              {DIFF_KINDS.map((kind) => (
                <th key={kind} scope="col" className="px-1 text-center font-medium" style={{ color: DIFF_STYLE[kind].color }}>
                  {DIFF_STYLE[kind].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="py-1 font-medium">
                Players
              </th>
              {DIFF_KINDS.map((kind) => (
                <td key={kind} data-testid={`count-players-${kind}`} className="px-1 text-center tabular-nums">
                  {players[kind]}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="py-1 font-medium">
                Channels
              </th>
              {DIFF_KINDS.map((kind) => (
                <td key={kind} data-testid={kind === "moved" ? undefined : `count-channels-${kind}`} className="px-1 text-center tabular-nums">
                  {kind === "moved" ? "—" : channels[kind]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <p className="text-xs text-slate-500">Point at a marked card or channel to see what changed on it.</p>
      </section>

      <section aria-labelledby="answers-heading" className="space-y-2">
        <h3 id="answers-heading" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          The eight questions
        </h3>
        {diff.title && (
          <p data-testid="title-change" className="text-slate-700">
            Title: “{diff.title.before}” → “{diff.title.after}”
          </p>
        )}
        {diff.answers.length === 0 ? (
          <p data-testid="answers-unchanged" className="text-slate-600">
            The answers are the same in both.
          </p>
        ) : (
          <ul className="space-y-1.5">
            {diff.answers.map((change) => (
              <li key={`${change.question}:${change.summary}`} data-testid="answer-change" data-question={change.question} className="rounded-md bg-slate-50 px-2.5 py-1.5 text-slate-800 ring-1 ring-slate-200 ring-inset">
                {change.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Old servers answer without it; the panel stays as it was. */}
      {diff.discussion && <DiscussionDiffList diff={diff.discussion} />}
    </aside>
  );
}
