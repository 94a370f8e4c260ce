import { ChevronLeft, ChevronRight, Users } from "lucide-react";
import type { Board } from "@/lib/valuechain/model";
import { useSession } from "../hooks/useSession";
import { useBlindBoard } from "./BlindContext";
import { useEditingPaused } from "./EditingLock";
import { WorkshopPanel } from "./facilitator/WorkshopPanel";
import { RoundCard } from "./RoundCard";
import { dockState } from "./useFitBesideWorkshop";
import { useWorkshop } from "./WorkshopContext";

/**
 * The workshop in a column of its own beside the canvas: the facilitator's panel when open,
 * and the current round for everyone while it is open or revealed. Beside, never over: the
 * cards it talks about, and their agreement colours after the reveal, stay in view. It folds
 * to a narrow strip when the canvas needs the room; a new round or a reveal unfolds it. On a
 * phone it sits above the canvas.
 */
export function WorkshopLayer({ board }: { board: Board }) {
  const { role } = useSession();
  const { round, panelOpen, dockFolded, setDockFolded } = useWorkshop();
  const paused = useEditingPaused();
  // During a blind round the answer form's options say nothing the round asks (no "… (us)").
  const shown = useBlindBoard(board);
  const live = round && round.status !== "closed" ? round : null;
  const panel = role === "owner" && panelOpen;
  const dock = dockState({ round, panelOpen, dockFolded }, role);
  if (dock === "none") return null;

  if (dock === "folded") {
    return (
      <aside aria-label="Workshop side panel" data-testid="workshop-layer" data-folded className="flex shrink-0 flex-col items-center border-l border-slate-200 bg-white py-2 max-md:order-first max-md:flex-row max-md:border-b max-md:border-l-0 max-md:px-2 max-md:py-1">
        <button
          type="button"
          data-testid="workshop-dock-toggle"
          aria-expanded={false}
          onClick={() => setDockFolded(false)}
          title="Show the workshop"
          className="flex flex-col items-center gap-1.5 rounded-md px-1.5 py-2 text-xs font-semibold text-slate-700 hover:bg-slate-100 max-md:flex-row"
        >
          <ChevronLeft className="size-4 max-md:hidden" aria-hidden />
          <Users className="size-4" aria-hidden />
          <span className="[writing-mode:vertical-rl] max-md:[writing-mode:horizontal-tb]">Workshop{live ? ` · ${live.status === "open" ? "answering" : "revealed"}` : ""}</span>
        </button>
      </aside>
    );
  }

  return (
    <aside
      aria-label="Workshop side panel"
      data-testid="workshop-layer"
      data-editing-paused={paused || undefined}
      className="flex w-[22rem] shrink-0 flex-col gap-2 overflow-y-auto overscroll-contain border-l border-slate-200 bg-slate-50 px-2 pt-2 max-md:order-first max-md:max-h-[40dvh] max-md:w-full max-md:border-b max-md:border-l-0"
    >
      <button
        type="button"
        data-testid="workshop-dock-toggle"
        aria-expanded
        onClick={() => setDockFolded(true)}
        title="Fold the workshop away to give the canvas more room"
        className="inline-flex items-center gap-1 self-end rounded px-1.5 py-0.5 text-xs font-medium text-slate-500 hover:bg-slate-200 hover:text-slate-800"
      >
        Fold away
        <ChevronRight className="size-3.5" aria-hidden />
      </button>
      {panel ? <WorkshopPanel board={shown} live={live} /> : live && <RoundCard round={live} board={shown} />}
    </aside>
  );
}
