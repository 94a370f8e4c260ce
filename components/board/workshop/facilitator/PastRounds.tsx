import { useCallback, useEffect, useState } from "react";
import { ArrowLeft } from "lucide-react";
import type { Board } from "@/lib/valuechain/model";
import { QUESTION_LABELS } from "@/lib/valuechain/labels";
import type { RoundListEntry } from "@/lib/contracts/rounds";
import { RoundResults } from "../results/RoundResults";
import { useRoundView } from "../useRoundView";
import { useWorkshop } from "../WorkshopContext";

const DATE = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** Earlier rounds of this board, newest first; opening one shows its results, read-only. */
export function PastRounds({ board }: { board: Board }) {
  const { client, round } = useWorkshop();
  const [rounds, setRounds] = useState<RoundListEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useRoundView(client, openId, openId !== null);

  const load = useCallback(() => {
    client.list().then(
      (list) => {
        setRounds(list);
        setError(null);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [client]);
  // Again whenever the current round changes status: it may just have become a past round.
  useEffect(load, [load, round?.id, round?.status]);

  if (openId) {
    return (
      <div className="space-y-2">
        <button type="button" data-testid="past-round-back" onClick={() => setOpenId(null)} className="inline-flex items-center gap-1 text-xs font-medium text-indigo-700 hover:underline">
          <ArrowLeft className="size-3.5" aria-hidden /> All past rounds
        </button>
        {opened.view ? (
          opened.view.status === "open" ? (
            <p className="text-xs text-slate-500">This round is still open: its answers stay private until it is revealed.</p>
          ) : (
            <RoundResults view={opened.view} board={board} client={client} testId="past-round-results" />
          )
        ) : (
          <p role="status" className="text-xs text-slate-500">
            {opened.error ?? "Loading…"}
          </p>
        )}
      </div>
    );
  }

  const past = rounds?.filter((r) => r.status !== "open") ?? [];
  return (
    <div className="space-y-1" data-testid="past-rounds">
      {error && <p className="text-xs text-rose-700">{error}</p>}
      {rounds && past.length === 0 && <p className="text-xs text-slate-500">No past rounds yet.</p>}
      {!rounds && !error && <p className="text-xs text-slate-500">Loading…</p>}
      <ul className="space-y-1">
        {past.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              data-testid={`past-round-${r.id}`}
              onClick={() => setOpenId(r.id)}
              className="w-full rounded-md border border-slate-200 px-2 py-1.5 text-left text-xs hover:bg-slate-50"
            >
              <span className="block font-medium text-slate-800">{r.questions.map((q) => QUESTION_LABELS[q].label).join(", ")}</span>
              <span className="text-slate-500">
                {DATE.format(new Date(r.createdAt))} · {r.answeredCount} answered · {r.status}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
