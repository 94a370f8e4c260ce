import { Crosshair, X } from "lucide-react";
import { useBringEveryone } from "./useBringEveryone";

/** "Bring everyone to my view", and stopping it. */
export function SpotlightControls() {
  const { active, mine, leader, bring, stop } = useBringEveryone();
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          data-testid="spotlight"
          aria-pressed={mine}
          onClick={bring}
          title="Everyone else's view follows yours until they move"
          className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 aria-pressed:border-indigo-400 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
        >
          <Crosshair className="size-4" aria-hidden />
          {mine ? "Bring everyone back to my view" : "Bring everyone to my view"}
        </button>
        {active && (
          <button
            type="button"
            data-testid="spotlight-stop"
            onClick={stop}
            className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            <X className="size-4" aria-hidden />
            Stop
          </button>
        )}
      </div>
      <p data-testid="spotlight-status" className="text-xs text-slate-500">
        {mine ? "Everyone follows your view; anyone who moves stops following." : active ? `Everyone follows ${leader || "another facilitator"}.` : "Nobody is following anyone."}
      </p>
    </div>
  );
}
