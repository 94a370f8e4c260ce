import { useEffect, useState } from "react";
import { X } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";
import type { Board } from "@/lib/valuechain/model";
import { RoundCard } from "../RoundCard";
import { useWorkshop } from "../WorkshopContext";
import { PanelSection } from "./PanelSection";
import { PastRounds } from "./PastRounds";
import { SpotlightControls } from "./SpotlightControls";
import { StartRoundForm } from "./StartRoundForm";
import { Walkthrough } from "./Walkthrough";

/**
 * The facilitator's workshop: the current round first, then starting one (folded away while a
 * round is live, so it never sits above the round it would replace), everyone's view, the
 * walkthrough, past rounds.
 */
export function WorkshopPanel({ board, live }: { board: Board; live: PublicRound | null }) {
  const { setPanelOpen, prefill } = useWorkshop();
  const [open, setOpen] = useState(() => ({ start: !live, spotlight: true, walkthrough: false, past: false }));
  const toggle = (key: keyof typeof open) => (value: boolean) => setOpen((o) => (o[key] === value ? o : { ...o, [key]: value }));

  // A suggestion from the walkthrough opens the start form.
  useEffect(() => {
    if (prefill) setOpen((o) => ({ ...o, start: true }));
  }, [prefill]);
  // A round just started: the form that started it folds away; with none live it is ready again.
  const liveId = live?.id ?? null;
  useEffect(() => {
    setOpen((o) => (o.start === !liveId ? o : { ...o, start: !liveId }));
  }, [liveId]);

  return (
    <section id="workshop-panel" data-testid="workshop-panel" aria-label="Workshop" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex items-center gap-2 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">Workshop</h2>
        <span className="text-xs text-slate-500">Ask privately, then reveal where the group agrees.</span>
        <button type="button" data-testid="close-workshop-panel" onClick={() => setPanelOpen(false)} aria-label="Close the workshop panel" className="ml-auto rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
          <X className="size-4" aria-hidden />
        </button>
      </header>
      {live && (
        <div className="border-t border-slate-100 p-2">
          <RoundCard round={live} board={board} />
        </div>
      )}
      <PanelSection title={live ? "Start a new round" : "Start a round"} open={open.start} onToggle={toggle("start")} testId="workshop-start-section">
        <StartRoundForm live={live} />
      </PanelSection>
      <PanelSection title="Everyone's view" open={open.spotlight} onToggle={toggle("spotlight")} testId="workshop-spotlight-section">
        <SpotlightControls />
      </PanelSection>
      <PanelSection title="Walk through the eight questions" open={open.walkthrough} onToggle={toggle("walkthrough")} testId="workshop-walkthrough-section">
        <Walkthrough />
      </PanelSection>
      <PanelSection title="Past rounds" open={open.past} onToggle={toggle("past")} testId="workshop-past-section">
        <PastRounds board={board} />
      </PanelSection>
    </section>
  );
}
