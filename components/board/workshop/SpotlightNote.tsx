import { Crosshair, X } from "lucide-react";
import type { FollowTarget } from "@/lib/collab/presence";

/** Shown instead of the usual follow banner while the facilitator's spotlight leads this view. */
export function SpotlightNote({ following, onStop }: { following: FollowTarget; onStop: () => void }) {
  return (
    <div
      role="status"
      data-testid="spotlight-note"
      className="flex items-center gap-2 rounded-full py-1 pr-1 pl-3 text-sm font-medium text-white shadow-md"
      style={{ background: following.color }}
    >
      <Crosshair className="size-4" aria-hidden />
      Following the facilitator — move to stop
      <button type="button" onClick={onStop} aria-label={`Stop following ${following.name}`} className="rounded-full p-1 hover:bg-white/20">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
