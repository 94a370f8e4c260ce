import { Crosshair, X } from "lucide-react";

export function FollowBanner({ name, color, onStop }: { name: string; color: string; onStop: () => void }) {
  return (
    <div
      role="status"
      data-testid="follow-banner"
      className="flex items-center gap-2 rounded-full py-1 pr-1 pl-3 text-sm font-medium text-white shadow-md"
      style={{ background: color }}
    >
      <Crosshair className="size-4" aria-hidden />
      Following {name} — press Esc or move to stop
      <button type="button" onClick={onStop} aria-label={`Stop following ${name}`} className="rounded-full p-1 hover:bg-white/20">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
