import { useState } from "react";
import { useReactFlow } from "@xyflow/react";
import { ChevronLeft, ChevronRight, Crosshair, MessageCircleQuestion } from "lucide-react";
import { QUESTION_LABELS } from "@/lib/valuechain/labels";
import { useSharedAnswers } from "../../hooks/useAnswers";
import { useWorkshop } from "../WorkshopContext";
import { useBringEveryone } from "./useBringEveryone";
import { WALK_STEPS } from "./walkthroughSteps";

/** A private round suggested by the walkthrough gets this much time by default. */
const ASK_SECONDS = 180;
const STEP_BUTTON = "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

/**
 * The eight questions one at a time: the board's answer, everyone's view on the players it
 * concerns (the facilitator's view fits them and the spotlight brings everyone along), and a
 * private round to ask the group the same thing.
 */
export function Walkthrough() {
  const answered = useSharedAnswers();
  const { fitView } = useReactFlow();
  const { bring } = useBringEveryone();
  const { askPrivately } = useWorkshop();
  const [index, setIndex] = useState(0);
  const step = WALK_STEPS[index];

  const focus = (i: number) => {
    const ids = answered ? WALK_STEPS[i].concerned(answered.board, answered.answers) : [];
    // The workshop sits beside the canvas, so the players only need to clear the canvas's own panels.
    const padding = { top: "80px", bottom: "60px", left: "60px", right: "40px" } as const;
    void fitView({ ...(ids.length ? { nodes: ids.map((id) => ({ id })) } : {}), padding, maxZoom: 1, duration: 300 });
    bring();
  };
  const go = (i: number) => {
    setIndex(i);
    focus(i);
  };

  return (
    <div className="space-y-2" data-testid="walkthrough">
      <div className="flex items-center gap-1.5">
        <button type="button" data-testid="walkthrough-prev" disabled={index === 0} onClick={() => go(index - 1)} className={STEP_BUTTON} aria-label="Previous question">
          <ChevronLeft className="size-3.5" aria-hidden />
          Back
        </button>
        <span className="flex-1 text-center text-xs text-slate-500 tabular-nums">
          {index + 1} / {WALK_STEPS.length}
        </span>
        <button type="button" data-testid="walkthrough-next" disabled={index === WALK_STEPS.length - 1} onClick={() => go(index + 1)} className={STEP_BUTTON} aria-label="Next question">
          Next
          <ChevronRight className="size-3.5" aria-hidden />
        </button>
      </div>
      <div className="space-y-1 rounded-lg bg-slate-50 px-2.5 py-2">
        <h4 data-testid="walkthrough-step" data-step={step.n ?? "sales"} className="text-sm font-semibold text-slate-900">
          {step.n !== null && <span className="mr-1 text-slate-500">{step.n}.</span>}
          {step.title}
        </h4>
        <p data-testid="walkthrough-answer" className="text-sm text-slate-700">
          <span className="text-xs text-slate-500">The board says: </span>
          {answered ? step.answer(answered.board, answered.answers) : "…"}
        </p>
      </div>
      <div className="flex flex-wrap gap-1.5">
        <button type="button" data-testid="walkthrough-focus" onClick={() => focus(index)} className={STEP_BUTTON} title="Fit your view to these players and bring everyone to it">
          <Crosshair className="size-3.5" aria-hidden />
          Show everyone
        </button>
        {step.ask.length > 0 && (
          <button
            type="button"
            data-testid="walkthrough-ask"
            onClick={() => askPrivately(step.ask, ASK_SECONDS)}
            className={STEP_BUTTON}
            title="Fill in a new round with this question and a timer"
          >
            <MessageCircleQuestion className="size-3.5" aria-hidden />
            Ask privately: {step.ask.map((q) => QUESTION_LABELS[q].label).join(" + ")}
          </button>
        )}
      </div>
    </div>
  );
}
