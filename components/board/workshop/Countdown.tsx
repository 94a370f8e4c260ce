import { useEffect, useState } from "react";
import { Timer } from "lucide-react";

const twoDigits = (n: number) => String(n).padStart(2, "0");

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${twoDigits(s % 60)}`;
}

/**
 * Time left on the round's timer, counted from when the server started the round. `timeUp` is
 * the server's word that it ended, which wins over this browser's clock.
 */
export function Countdown({ startedAt, timerSeconds, timeUp = false }: { startedAt: string; timerSeconds: number; timeUp?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  const start = Date.parse(startedAt);
  const left = timeUp ? 0 : Number.isFinite(start) ? (start + timerSeconds * 1000 - now) / 1000 : timerSeconds;
  const over = left <= 0;

  useEffect(() => {
    if (over) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [over]);

  return (
    <span
      data-testid="round-countdown"
      data-remaining={Math.max(0, Math.ceil(left))}
      role="timer"
      aria-live="off"
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${over ? "bg-rose-100 text-rose-800" : left <= 30 ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-700"}`}
    >
      <Timer className="size-3.5" aria-hidden />
      {over ? "Time is up" : formatDuration(left)}
    </span>
  );
}
