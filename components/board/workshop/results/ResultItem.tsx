import { useState } from "react";
import { Check } from "lucide-react";
import type { Board, Player } from "@/lib/valuechain/model";
import { AGREEMENT_LABELS, QUESTION_LABELS } from "@/lib/valuechain/labels";
import type { ItemScore, ParticipantAnswers } from "@/lib/valuechain/rounds";
import { useHighlightOnHover } from "../../hooks/useHighlightOnHover";
import { ConfirmInline } from "../../versions/ConfirmInline";
import { adoptChange, isOnBoard, type AdoptChange } from "../adopt";
import { LEVEL_COLORS, percent } from "../decorations";
import { answerLabel, playerName } from "../labels";
import { ResultVerdict } from "./ResultVerdict";

interface ResultItemProps {
  item: ItemScore;
  board: Board;
  players: ReadonlyMap<string, Player>;
  answers: readonly ParticipantAnswers[];
  /** The facilitator's adoption; absent for read-only results. */
  onAdopt?: (change: AdoptChange) => void;
}

const ADOPT =
  "inline-flex shrink-0 items-center gap-1 rounded-md bg-slate-900 px-2 py-0.5 text-[11px] font-semibold text-white hover:bg-slate-700 disabled:bg-emerald-100 disabled:text-emerald-800";
const CHOOSE =
  "inline-flex shrink-0 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-0.5 text-[11px] font-medium text-slate-700 hover:bg-slate-50 disabled:border-emerald-200 disabled:bg-emerald-50 disabled:text-emerald-800";

/**
 * One question about one segment: who answered what, how far they agree, and what the
 * facilitator may write into the board. Only an answer the group leans to (ItemScore.leading)
 * gets the one-click Adopt; a tie, or an answer one person gave, is said as it is, and the
 * facilitator may still choose any answer explicitly, after a confirmation.
 */
export function ResultItem({ item, board, players, answers, onAdopt }: ResultItemProps) {
  const { question } = item;
  const [choosing, setChoosing] = useState<string | null>(null);
  const about = question === "us" ? item.distribution.map((d) => d.value) : [item.item];
  const hover = useHighlightOnHover(about.filter((id) => players.has(id)));
  const label = (value: string) => answerLabel(question, value, item.item, players, answers);
  const canAdopt = !!onAdopt && question !== "starts";
  const subject = question === "us" ? "Which player is us" : playerName(players, item.item);
  const itemKey = question === "us" ? "us" : item.item;

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

  /** Any answer, chosen on purpose: a confirmation first, as the group did not settle on it. */
  const chooseButton = (value: string) => {
    const change = adoptChange(item, value, answers, board);
    if (!change) return null;
    const done = isOnBoard(item, value, board);
    return (
      <button
        type="button"
        data-testid={`choose-${question}-${itemKey}-${value}`}
        disabled={done}
        onClick={() => setChoosing(value)}
        className={CHOOSE}
        title={done ? "The board already says this" : "Write this answer into the board although the group did not settle on it"}
      >
        {done ? (
          <>
            <Check className="size-3" aria-hidden /> On the board
          </>
        ) : (
          "Choose…"
        )}
      </button>
    );
  };

  const chosen = choosing !== null ? adoptChange(item, choosing, answers, board) : null;

  return (
    <li
      data-testid={`result-${question}-${item.item}`}
      data-question={question}
      data-item={item.item}
      data-level={item.level}
      data-tie={item.tied.length > 0 || undefined}
      {...hover}
      className="space-y-1.5 rounded-lg border border-slate-200 bg-white px-2.5 py-2"
      style={{ borderLeft: `4px solid ${LEVEL_COLORS[item.level]}` }}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-slate-900">{subject}</p>
          <p className="text-[11px] text-slate-500">
            {QUESTION_LABELS[question].label} · {item.answered === 1 ? "1 answer" : `${item.answered} answers`}
          </p>
        </div>
        <span
          data-testid="result-agreement"
          className="shrink-0 rounded-full px-2 py-0.5 text-[11px] font-semibold text-white"
          style={{ background: LEVEL_COLORS[item.level] }}
          title="Share of participants who gave the most common answer"
        >
          {item.tied.length ? "Tie" : AGREEMENT_LABELS[item.level]} · {percent(item.agreement)}
        </span>
      </div>
      <ul className="space-y-1" aria-label="Answers given">
        {item.distribution.map((d) => (
          <li key={d.value} data-testid="result-answer" data-value={d.value} data-leading={d.value === item.leading || undefined} className="flex items-start gap-2 text-xs">
            {question === "names" ? (
              <span className="min-w-0 flex-1">
                <span className={`font-medium ${d.value === item.leading ? "text-slate-900" : "text-slate-700"}`}>{label(d.value)}</span>{" "}
                <span data-testid="result-proposed" className="text-slate-500">
                  proposed by {d.count}
                </span>
                <span className="block text-slate-500" data-testid="result-who">
                  {d.who.map((w) => `${w.name} (${w.function})`).join(", ")}
                </span>
              </span>
            ) : (
              <>
                <span className="w-6 shrink-0 text-right font-semibold text-slate-900 tabular-nums">{d.count}×</span>
                <span className="min-w-0 flex-1">
                  <span className={`font-medium ${d.value === item.leading ? "text-slate-900" : "text-slate-700"}`}>{label(d.value)}</span>
                  <span className="block text-slate-500" data-testid="result-who">
                    {d.who.map((w) => `${w.name} (${w.function})`).join(", ")}
                  </span>
                </span>
              </>
            )}
            {canAdopt &&
              (question === "names" && d.value === item.leading
                ? adoptButton(d.value, `adopt-names-${item.item}`, "Use this name")
                : (question === "names" || item.leading === null) && chooseButton(d.value))}
          </li>
        ))}
      </ul>
      {chosen && choosing !== null && (
        <ConfirmInline
          question={`The group did not settle on “${label(choosing)}”. Write it into the board anyway?`}
          confirmLabel="Write it into the board"
          confirmTestId="confirm-choice"
          onConfirm={() => {
            onAdopt!(chosen);
            setChoosing(null);
          }}
          onCancel={() => setChoosing(null)}
        />
      )}
      <ResultVerdict item={item} label={label} adopt={canAdopt && question !== "names" && item.leading !== null ? adoptButton(item.leading, `adopt-${question}-${question === "us" ? item.leading : item.item}`, "Adopt") : null} />
      {canAdopt && question === "names" && <p className="text-[11px] text-slate-500">The name you use becomes the segment&apos;s name; the others become its aliases.</p>}
    </li>
  );
}
