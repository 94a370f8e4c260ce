import { Users } from "lucide-react";
import { useSession } from "../hooks/useSession";
import { useOptionalWorkshop } from "./WorkshopContext";

/** The facilitator's way into the workshop panel (owner only). */
export function WorkshopButton() {
  const { role } = useSession();
  const workshop = useOptionalWorkshop();
  if (role !== "owner" || !workshop) return null;
  const { panelOpen, setPanelOpen, setDockFolded, round } = workshop;
  const live = round && round.status !== "closed";
  return (
    <button
      type="button"
      data-testid="workshop-button"
      aria-expanded={panelOpen}
      aria-controls="workshop-panel"
      // Opens (or brings back into view) the panel; its own close button hides it.
      onClick={() => {
        setPanelOpen(true);
        setDockFolded(false);
        requestAnimationFrame(() => document.getElementById("workshop-panel")?.scrollIntoView({ block: "nearest" }));
      }}
      title="Run a workshop: private answers, reveal, agreement"
      aria-label="Workshop"
      className="relative inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 max-md:px-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-expanded:border-indigo-300 aria-expanded:bg-indigo-50 aria-expanded:text-indigo-800"
    >
      <Users className="size-4" aria-hidden />
      <span className="max-md:sr-only">Workshop</span>
      {live && (
        <span className="absolute -top-1 -right-1 size-2.5 rounded-full bg-emerald-500 ring-2 ring-white" title={round.status === "open" ? "A round is open" : "A round is revealed"} />
      )}
    </button>
  );
}
