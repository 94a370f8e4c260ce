import { useEffect, useMemo, useState } from "react";
import { Send } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";
import type { Board } from "@/lib/valuechain/model";
import { QUESTION_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS } from "@/lib/valuechain/labels";
import type { RoundAnswers, RoundQuestion } from "@/lib/valuechain/rounds";
import { useSession } from "../../hooks/useSession";
import { ApiRequestError } from "@/components/api/client";
import { forgetParticipantId, readDraft, readParticipantId, saveDraft, saveParticipantId } from "../participantStore";
import { useWorkshop } from "../WorkshopContext";
import { ChoiceQuestion } from "./ChoiceQuestion";
import { CustomerQuestion } from "./CustomerQuestion";
import { NamesQuestion } from "./NamesQuestion";
import { PickQuestion } from "./PickQuestion";
import { answersToSend, inChainOrder, isRoundQuestion, segmentsFor } from "./segments";
import { useCanvasPick } from "./useCanvasPick";

type PickQuestionId = "us" | "starts" | "consumers";
const NOBODY: ReadonlySet<string> = new Set();

const picksOf = (answers: RoundAnswers, q: PickQuestionId): string[] => (q === "us" ? (answers.us ? [answers.us] : []) : (answers[q] ?? []));

/**
 * This person's private answers to the open round. They go to the server only (never into the
 * shared document or presence), and can be changed and sent again until the reveal.
 */
export function AnswerPanel({ round, board }: { round: PublicRound; board: Board }) {
  const { boardId } = useSession();
  const { client, identity, setPicked } = useWorkshop();
  const questions = useMemo(() => round.questions.filter(isRoundQuestion), [round.questions]);
  const [draft, setDraft] = useState(() => readDraft(boardId, round.id) ?? { answers: {}, submitted: false });
  const [changed, setChanged] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState<PickQuestionId | null>(null);
  const { answers } = draft;

  useEffect(() => saveDraft(boardId, round.id, draft), [boardId, round.id, draft]);

  const update = (next: RoundAnswers) => {
    setDraft((d) => ({ ...d, answers: next }));
    setChanged(true);
    setError(null);
  };
  const togglePick = (q: PickQuestionId, id: string) => {
    if (q === "us") return update({ ...answers, us: answers.us === id ? undefined : id });
    const current = answers[q] ?? [];
    update({ ...answers, [q]: current.includes(id) ? current.filter((x) => x !== id) : [...current, id] });
  };

  useCanvasPick(picking !== null, (id) => picking && board.players.some((p) => p.id === id) && togglePick(picking, id));
  const pickedNow = picking ? picksOf(answers, picking).join("\n") : "";
  useEffect(() => {
    setPicked(pickedNow ? new Set(pickedNow.split("\n")) : NOBODY);
  }, [pickedNow, setPicked]);
  useEffect(() => () => setPicked(NOBODY), [setPicked]);

  const toSend = answersToSend(answers, questions, board);
  const empty = Object.keys(toSend).length === 0;

  const submit = async () => {
    if (!identity) return setError("Tell the board who you are first (your name, top right).");
    setSending(true);
    setError(null);
    const participant = { name: identity.name, function: identity.fn };
    try {
      let participantId: string;
      try {
        participantId = await client.answer(round.id, { participantId: readParticipantId(boardId), participant, answers: toSend });
      } catch (err) {
        // The server no longer knows this browser's id (a restored database): answer as new.
        if (!(err instanceof ApiRequestError && err.code === "unknown_participant")) throw err;
        forgetParticipantId(boardId);
        participantId = await client.answer(round.id, { participant, answers: toSend });
      }
      saveParticipantId(boardId, participantId);
      setDraft((d) => ({ ...d, submitted: true }));
      setChanged(false);
    } catch (err) {
      setError(
        err instanceof ApiRequestError && err.code === "round_not_open"
          ? "This round no longer takes answers."
          : err instanceof ApiRequestError && err.code === "round_closed"
            ? "Time is up: this round no longer takes answers, so these were not sent."
            : `Your answers were not sent: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      setSending(false);
    }
  };

  const section = (q: RoundQuestion) => {
    switch (q) {
      case "customer":
        return <CustomerQuestion segments={segmentsFor(q, board.players)} value={answers.customer ?? {}} onChange={(customer) => update({ ...answers, customer })} />;
      case "strategy":
        return (
          <ChoiceQuestion question="strategy" segments={segmentsFor(q, board.players)} choices={STRATEGY_LABELS} value={answers.strategy ?? {}} onChange={(strategy) => update({ ...answers, strategy })} />
        );
      case "transaction":
        return (
          <ChoiceQuestion
            question="transaction"
            segments={segmentsFor(q, board.players)}
            choices={TRANSACTION_LABELS}
            value={answers.transaction ?? {}}
            onChange={(transaction) => update({ ...answers, transaction })}
          />
        );
      case "us":
      case "starts":
      case "consumers":
        return (
          <PickQuestion
            question={q}
            players={inChainOrder(board.players)}
            picked={picksOf(answers, q)}
            onToggle={(id) => togglePick(q, id)}
            picking={picking === q}
            onPicking={(on) => setPicking(on ? q : null)}
          />
        );
      case "names":
        return <NamesQuestion segments={segmentsFor(q, board.players)} value={answers.names ?? {}} onChange={(names) => update({ ...answers, names })} />;
    }
  };

  const sent = draft.submitted && !changed;
  // The server's word: once the time is up it refuses answers, so the form stops offering to send.
  const closed = round.timeUp;
  return (
    <form
      data-testid="answer-panel"
      data-submitted={draft.submitted}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="space-y-3"
    >
      <p className="text-xs text-slate-600">Your answers stay private until the facilitator reveals them. Answer what you can; leave the rest blank.</p>
      {questions.map((q) => (
        <fieldset key={q} data-testid={`answer-question-${q}`} className="space-y-1.5">
          <legend className="mb-1">
            <span className="block text-sm font-semibold text-slate-900">{QUESTION_LABELS[q].label}</span>
            <span className="block text-xs text-slate-500">{QUESTION_LABELS[q].prompt}</span>
          </legend>
          {section(q)}
        </fieldset>
      ))}
      <div className="sticky bottom-0 -mx-3 space-y-1.5 border-t border-slate-200 bg-white/95 px-3 pt-2 pb-1 backdrop-blur">
        {error && (
          <p role="alert" data-testid="answer-error" className="text-xs font-medium text-rose-700">
            {error}
          </p>
        )}
        {draft.submitted && !closed && (
          <p data-testid="answers-sent" className="text-xs text-emerald-700">
            {sent ? "Your answers are in. You can still change them until the reveal." : "You changed your answers: send them again to replace the ones you sent."}
          </p>
        )}
        {closed && (
          <p data-testid="answers-closed" className="text-xs font-medium text-rose-800">
            {draft.submitted ? "Time is up. The answers you sent are in; changes can no longer be sent." : "Time is up: this round no longer takes answers."}
          </p>
        )}
        <button
          type="submit"
          data-testid="submit-answers"
          disabled={sending || empty || closed}
          title={closed ? "Time is up" : empty ? "Answer at least one question first" : undefined}
          className="inline-flex w-full items-center justify-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          <Send className="size-4" aria-hidden />
          {sending ? "Sending…" : draft.submitted ? (sent ? "Send again" : "Update my answers") : "Submit my answers"}
        </button>
      </div>
    </form>
  );
}
