import { Check } from "lucide-react";
import type { Board, Player } from "@/lib/valuechain/model";
import { QUESTION_LABELS, type ItemScore, type ParticipantAnswers } from "@/lib/valuechain/rounds";
import { useHighlightOnHover } from "../../hooks/useHighlightOnHover";
import { adoptChange, isOnBoard, type AdoptChange } from "../adopt";
import { LEVEL_COLORS, LEVEL_LABELS, percent } from "../decorations";
import { answerLabel, playerName } from "../labels";

interface ResultItemProps {
  item: ItemScore;
  board: Board;
  players: ReadonlyMap<string, Player>;
  answers: readonly ParticipantAnswers[];
  /** The facilitator's one-click adoption; absent for read-only results. */
  onAdopt?: (change: AdoptChange) => void;
}

const ADOPT =
  "inline-flex items-center gap-1 rounded-md bg-slate-900 px-2 py-0.5 text-[11px] font-semibold text-white hover:bg-slate-700 disabled:bg-emerald-100 disabled:text-emerald-800";

/** One question about one segment: who answered what, how far they agree, and the agreed answer to adopt. */
export function ResultItem({ item, board, players, answers, onAdopt }: ResultItemProps) {
  const { question } = item;
  const about = question === "us" ? item.distribution.map((d) => d.value) : [item.item];
  const hover = useHighlightOnHover(about.filter((id) => players.has(id)));
  const label = (value: string) => answerLabel(question, value, item.item, players, answers);
  const adoptable = onAdopt && question !== "starts";
  const subject = question === "us" ? "Which player is us" : playerName(players, item.item);

  const adoptButton = (value: string, testId: string, text: string) => {
    const change = adoptChange(item, value, answers, board);
    if (!change) return null;
    const done = isOnBoard(item, value, board);
    return (
      <button type="button" data-testid={testId} disabled={done} onClick={() => onAdopt!(change)} className={ADOPT} title={done ? "The board already says this" : "Write this answer into the board (undoable)"}>
        {done ? (
          <>
            <Check className="size-3" aria-hidden /> On the board
          </>
        ) : (
          text
        )}
      </button>
    );
  };

  return (
    <li
      data-testid={`result-${question}-${item.item}`}
      data-question={question}
      data-item={item.item}
      data-level={item.level}
      {...hover}
      className="space-y-1.5 rounded-lg border border-slate-200 bg-white px-2.5 py-2"
      style={{ borderLeft: `4px solid ${LEVEL_COLORS[item.level]}` }}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-slate-900">{subject}</p>
          <p className="text-[11px] text-slate-500">
            {QUESTION_LABELS[question]} · {item.answered === 1 ? "1 answer" : `${item.answered} answers`}
          </p>
        </div>
        <span
          data-testid="result-agreement"
          className="shrink-0 rounded-full px-2 py-0.5 text-[11px] font-semibold text-white"
          style={{ background: LEVEL_COLORS[item.level] }}
          title="Share of participants who gave the most common answer"
        >
          {LEVEL_LABELS[item.level]} · {percent(item.agreement)}
        </span>
      </div>
      <ul className="space-y-1" aria-label="Answers given">
        {item.distribution.map((d, i) => (
          <li key={d.value} data-testid="result-answer" data-value={d.value} className="flex items-start gap-2 text-xs">
            <span className="w-6 shrink-0 text-right font-semibold text-slate-900 tabular-nums">{d.count}×</span>
            <span className="min-w-0 flex-1">
              <span className={`font-medium ${d.value === item.top ? "text-slate-900" : "text-slate-700"}`}>{label(d.value)}</span>
              <span className="block text-slate-500" data-testid="result-who">
                {d.who.map((w) => `${w.name} (${w.function})`).join(", ")}
              </span>
            </span>
            {onAdopt && question === "names" && adoptButton(d.value, i === 0 ? `adopt-names-${item.item}` : `adopt-names-${item.item}-${i}`, "Use this name")}
          </li>
        ))}
      </ul>
      {adoptable && question !== "names" && (
        <div className="flex items-center justify-between gap-2 border-t border-slate-100 pt-1.5">
          <span className="text-[11px] text-slate-500">
            Most common: <strong className="text-slate-800">{label(item.top)}</strong>
          </span>
          {adoptButton(item.top, `adopt-${question}-${question === "us" ? item.top : item.item}`, "Adopt")}
        </div>
      )}
      {adoptable && question === "names" && <p className="text-[11px] text-slate-500">The other names become the segment&apos;s aliases.</p>}
    </li>
  );
}
