import { useCallback, useState } from "react";
import { AlarmClockOff, ChevronDown, ChevronUp } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";
import type { Board } from "@/lib/valuechain/model";
import { QUESTION_LABELS } from "@/lib/valuechain/labels";
import { useSession } from "../hooks/useSession";
import { adoptIntoBoard, type AdoptChange } from "./adopt";
import { AnsweredList } from "./AnsweredList";
import { AnswerPanel } from "./answer/AnswerPanel";
import { isRoundQuestion } from "./answer/segments";
import { Countdown } from "./Countdown";
import { RoundResults } from "./results/RoundResults";
import { RoundControls } from "./RoundControls";
import { useWorkshop } from "./WorkshopContext";

/** The timer ran out: answers are closed; the facilitator decides what comes next. */
function TimeUpNotice({ owner, paused }: { owner: boolean; paused: boolean }) {
  return (
    <p role="status" data-testid="time-up-notice" className="flex items-start gap-1.5 rounded-md bg-rose-50 px-2 py-1.5 text-xs text-rose-900">
      <AlarmClockOff className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>
        <strong>Time is up.</strong> The round takes no more answers{paused ? " and editing is open again" : ""}.{" "}
        {owner ? "Reveal the answers when the group is ready." : "The facilitator reveals them next."}
      </span>
    </p>
  );
}

const STATUS_LABELS = { open: "Answering", revealed: "Revealed", closed: "Closed" } as const;
const STATUS_STYLE = { open: "bg-emerald-100 text-emerald-800", revealed: "bg-indigo-100 text-indigo-800", closed: "bg-slate-100 text-slate-600" } as const;

/**
 * The current round as each person sees it: its questions, timer and who has answered; the
 * private answer form for editors and the owner while it is open; the results once revealed.
 * When the server says the time is up, everyone is told the round takes no more answers.
 */
export function RoundCard({ round, board }: { round: PublicRound; board: Board }) {
  const { session, role } = useSession();
  const { client, results } = useWorkshop();
  const [collapsed, setCollapsed] = useState(false);
  const owner = role === "owner";
  const adopt = useCallback((change: AdoptChange) => adoptIntoBoard(session, change), [session]);
  const questions = round.questions.filter(isRoundQuestion);

  return (
    <section data-testid="round-card" data-round-id={round.id} data-status={round.status} aria-label="Workshop round" className="rounded-xl border border-slate-200 bg-white shadow-lg">
      <header className="flex items-center gap-2 border-b border-slate-100 px-3 py-2">
        <h3 className="text-sm font-semibold text-slate-900">Workshop round</h3>
        <span data-testid="round-status" data-status={round.status} className={`rounded-full px-2 py-0.5 text-[11px] font-semibold ${STATUS_STYLE[round.status]}`}>
          {STATUS_LABELS[round.status]}
        </span>
        {round.status === "open" && round.timerSeconds !== null && <Countdown startedAt={round.startedAt} timerSeconds={round.timerSeconds} timeUp={round.timeUp} />}
        <button
          type="button"
          onClick={() => setCollapsed((c) => !c)}
          aria-expanded={!collapsed}
          aria-label={collapsed ? "Show the round" : "Hide the round"}
          data-testid="round-card-toggle"
          className="ml-auto rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
          {collapsed ? <ChevronDown className="size-4" aria-hidden /> : <ChevronUp className="size-4" aria-hidden />}
        </button>
      </header>
      <div hidden={collapsed} className="space-y-3 px-3 py-2.5">
        <ul className="flex flex-wrap gap-1" aria-label="Questions asked">
          {questions.map((q) => (
            <li key={q} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700">
              {QUESTION_LABELS[q].label}
            </li>
          ))}
          {/* Only while it holds: the pause ends with the time, the reveal and the close. */}
          {round.status === "open" && round.lockEditing && !round.timeUp && (
            <li data-testid="editing-paused-chip" className="rounded bg-indigo-50 px-1.5 py-0.5 text-[11px] font-medium text-indigo-800">
              Editing paused
            </li>
          )}
          {round.status === "open" && round.blind && (
            <li data-testid="blind-chip" title="The board hides its own answers to these questions until the reveal" className="rounded bg-slate-800 px-1.5 py-0.5 text-[11px] font-medium text-white">
              Board answers hidden
            </li>
          )}
        </ul>
        {round.status === "open" && round.timeUp && <TimeUpNotice owner={owner} paused={round.lockEditing} />}
        <AnsweredList answered={round.answered} count={round.answeredCount} />
        {owner && <RoundControls round={round} />}
        {round.status === "open" &&
          (role === "viewer" ? (
            <p data-testid="viewer-round-note" className="rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-600">
              The editors are answering privately. You will see where they agree once the facilitator reveals the answers.
            </p>
          ) : (
            <AnswerPanel key={round.id} round={round} board={board} />
          ))}
        {round.status === "revealed" &&
          (results.view ? (
            <RoundResults view={results.view} board={board} client={client} onAdopt={owner ? adopt : undefined} />
          ) : (
            <p className="text-xs text-slate-500" role="status">
              {results.error ? `The results could not be loaded: ${results.error}` : "Loading the results…"}
            </p>
          ))}
      </div>
    </section>
  );
}
