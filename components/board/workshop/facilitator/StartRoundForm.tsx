import { useEffect, useRef, useState, type FormEvent } from "react";
import { Play } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";
import { QUESTION_LABELS } from "@/lib/valuechain/labels";
import { ROUND_QUESTIONS, type RoundQuestion } from "@/lib/valuechain/rounds";
import { useWorkshop } from "../WorkshopContext";

const MIN_SECONDS = 10;
const MAX_SECONDS = 3600;

type Unit = "minutes" | "seconds";

/** The timer field's seconds: null for no timer, NaN when out of range. */
function timerSeconds(value: string, unit: Unit): number | null {
  if (!value.trim()) return null;
  const n = Number(value);
  const seconds = Math.round(unit === "minutes" ? n * 60 : n);
  return Number.isFinite(n) && seconds >= MIN_SECONDS && seconds <= MAX_SECONDS ? seconds : NaN;
}

/**
 * The facilitator starts a round: which questions, an optional timer, whether the board hides
 * what is asked (blind, the default) and whether editing pauses meanwhile. While a round is
 * still taking answers, starting another asks first: it closes the current one.
 */
export function StartRoundForm({ live }: { live: PublicRound | null }) {
  const { client, prefill } = useWorkshop();
  const [questions, setQuestions] = useState<ReadonlySet<RoundQuestion>>(new Set());
  const [timer, setTimer] = useState("");
  const [unit, setUnit] = useState<Unit>("minutes");
  const [lock, setLock] = useState(false);
  const [blind, setBlind] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useRef<HTMLButtonElement>(null);

  // The walkthrough's "Ask privately" fills the form in.
  useEffect(() => {
    if (!prefill) return;
    setQuestions(new Set(prefill.questions));
    if (prefill.timerSeconds === null) setTimer("");
    else if (prefill.timerSeconds % 60 === 0) {
      setTimer(String(prefill.timerSeconds / 60));
      setUnit("minutes");
    } else {
      setTimer(String(prefill.timerSeconds));
      setUnit("seconds");
    }
    setError(null);
    requestAnimationFrame(() => {
      start.current?.scrollIntoView({ block: "nearest" });
      start.current?.focus();
    });
  }, [prefill]);

  const seconds = timerSeconds(timer, unit);
  const badTimer = Number.isNaN(seconds);

  const toggle = (q: RoundQuestion) =>
    setQuestions((current) => {
      const next = new Set(current);
      if (next.has(q)) next.delete(q);
      else next.add(q);
      return next;
    });

  // A round still taking answers would be cut short: say so before starting another.
  const running = live?.status === "open";
  useEffect(() => {
    if (!running) setConfirming(false);
  }, [running]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!questions.size || badTimer) return;
    if (running && !confirming) return setConfirming(true);
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      await client.start({
        questions: ROUND_QUESTIONS.filter((q) => questions.has(q)),
        ...(seconds !== null ? { timerSeconds: seconds } : {}),
        lockEditing: lock,
        blind,
      });
      // The round is running: the next one starts from a clean form.
      setQuestions(new Set());
      setTimer("");
      setLock(false);
      setBlind(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="start-round-form" className="space-y-2.5">
      <fieldset className="space-y-1">
        <legend className="mb-1 text-xs font-semibold text-slate-600">Ask privately</legend>
        {ROUND_QUESTIONS.map((q) => (
          <label key={q} className="flex cursor-pointer items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={questions.has(q)} onChange={() => toggle(q)} data-testid={`round-question-${q}`} className="accent-indigo-600" />
            {QUESTION_LABELS[q].label}
            {QUESTION_LABELS[q].note && <span className="text-xs text-slate-500">({QUESTION_LABELS[q].note})</span>}
          </label>
        ))}
      </fieldset>
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor="round-timer" className="text-slate-700">
          Timer
        </label>
        <input
          id="round-timer"
          type="number"
          min={unit === "minutes" ? 1 : MIN_SECONDS}
          max={unit === "minutes" ? 60 : MAX_SECONDS}
          step="any"
          inputMode="numeric"
          value={timer}
          onChange={(event) => setTimer(event.target.value)}
          placeholder="none"
          aria-invalid={badTimer}
          data-testid="round-timer"
          className="w-20 rounded-md border border-slate-300 px-2 py-1 aria-invalid:border-rose-500"
        />
        <select value={unit} onChange={(event) => setUnit(event.target.value as Unit)} aria-label="Timer unit" data-testid="round-timer-unit" className="rounded-md border border-slate-300 bg-white px-1.5 py-1">
          <option value="minutes">minutes</option>
          <option value="seconds">seconds</option>
        </select>
      </div>
      {badTimer && <p className="text-xs text-rose-700">A timer runs from 10 seconds to 60 minutes.</p>}
      <label className="flex cursor-pointer items-start gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={blind} onChange={(event) => setBlind(event.target.checked)} data-testid="round-blind" className="mt-1 accent-indigo-600" />
        <span>
          Hide the board&apos;s answers to these questions until the reveal
          <span className="block text-xs text-slate-500">So nobody copies what the board says now.</span>
        </span>
      </label>
      <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={lock} onChange={(event) => setLock(event.target.checked)} data-testid="round-lock" className="accent-indigo-600" />
        Lock editing during the round
      </label>
      {confirming ? (
        <div role="group" aria-labelledby="confirm-new-round" data-testid="confirm-new-round" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-2.5 py-2">
          <p id="confirm-new-round" className="text-sm text-amber-900">
            The current round is still taking answers. Starting a new one closes it now; what was answered stays readable under Past rounds.
          </p>
          <div className="flex flex-wrap gap-1.5">
            <button
              type="submit"
              data-testid="confirm-start-round"
              disabled={busy}
              className="inline-flex items-center gap-1.5 rounded-md bg-amber-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-amber-700 disabled:opacity-50"
            >
              <Play className="size-4" aria-hidden />
              Close it and start
            </button>
            <button
              type="button"
              data-testid="cancel-start-round"
              onClick={() => setConfirming(false)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
            >
              Keep the current round
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={start}
          type="submit"
          data-testid="start-round"
          disabled={busy || questions.size === 0 || badTimer}
          className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          <Play className="size-4" aria-hidden />
          {live ? "Start a new round" : "Start the round"}
        </button>
      )}
      {live && !confirming && <p className="text-xs text-slate-500">Starting a new round closes the current one; its results stay under Past rounds.</p>}
      {error && (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      )}
    </form>
  );
}
