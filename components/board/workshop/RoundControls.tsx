import { useState } from "react";
import { Eye, Square, UserX } from "lucide-react";
import type { PublicRound } from "@/lib/collab/boardDoc";
import { useRoundView } from "./useRoundView";
import { useWorkshop } from "./WorkshopContext";

const BUTTON = "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-50";

/** The facilitator's controls of the current round: reveal, close, and dropping a duplicate participant. */
export function RoundControls({ round }: { round: PublicRound }) {
  const { client } = useWorkshop();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the facilitator sees which answers look like the same person twice (same name and function).
  // The count too: beyond the names the document lists, only the count changes.
  const answeredKey = `${round.answeredCount}:${round.answered.map((a) => a.ref).join(",")}`;
  const { view, reload } = useRoundView(client, round.id, round.status === "open", answeredKey);
  const duplicates = view?.answered.filter((a) => a.duplicate) ?? [];

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5">
        {round.status === "open" && (
          <button type="button" data-testid="reveal-round" disabled={busy} onClick={() => void run(() => client.reveal(round.id))} className={`${BUTTON} bg-indigo-600 text-white hover:bg-indigo-700`}>
            <Eye className="size-4" aria-hidden />
            Reveal answers
          </button>
        )}
        <button
          type="button"
          data-testid="close-round"
          disabled={busy}
          onClick={() => void run(() => client.close(round.id))}
          title={round.status === "open" ? "Stop taking answers; the results stay readable under Past rounds" : "End the round; its results stay readable under Past rounds"}
          className={`${BUTTON} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}
        >
          <Square className="size-4" aria-hidden />
          Close round
        </button>
      </div>
      {duplicates.length > 0 && (
        <div className="space-y-1 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900" data-testid="duplicate-participants">
          <p>The same name and function answered more than once (another browser?). Keep one:</p>
          <ul className="space-y-0.5">
            {duplicates.map((d) => (
              <li key={d.ref} className="flex items-center justify-between gap-2">
                <span>
                  {d.name} · {d.function}
                </span>
                <button
                  type="button"
                  data-testid={`drop-participant-${d.ref}`}
                  disabled={busy}
                  onClick={() => void run(async () => {
                    await client.drop(round.id, d.ref);
                    reload();
                  })}
                  className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium hover:bg-amber-100"
                >
                  <UserX className="size-3.5" aria-hidden /> Remove these answers
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
