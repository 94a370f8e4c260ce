import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FLOW_LABELS, KIND_LABELS } from "@/lib/valuechain/labels";
import { FLOWS, type Board, type Flow, type Player } from "@/lib/valuechain/model";
import { initialFlow } from "./lastFlow";

interface ConnectDialogProps {
  board: Board;
  from: Player;
  /** Player ids along the chain (chainOrder): the order the list offers them in. */
  order: readonly string[];
  onConnect: (to: string, flow: Flow) => void;
  onClose: () => void;
}

const label = (p: Player) => `${p.name.trim() || "Unnamed"} (${KIND_LABELS[p.kind]})`;

/**
 * Draws a channel without a pointer: from the selected player to one picked from a list, with
 * its flow. The way for keyboards, screen readers and anyone on a touch screen who would
 * rather not aim at a dot.
 */
export function ConnectDialog({ board, from, order, onConnect, onClose }: ConnectDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), to: useId(), flow: useId() };
  const byId = new Map(board.players.map((p) => [p.id, p]));
  const targets = order.map((id) => byId.get(id)).filter((p): p is Player => !!p && p.id !== from.id);
  const [to, setTo] = useState(targets[0]?.id ?? "");
  const [flow, setFlow] = useState<Flow>(() => initialFlow(from.kind));

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to) onConnect(to, flow);
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      data-testid="connect-dialog"
      onClose={onClose}
      className="m-auto w-[26rem] max-w-[calc(100vw-2rem)] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="space-y-4 p-6">
        <h2 id={ids.title} className="text-lg font-semibold">
          New channel from {from.name.trim() || "this player"}
        </h2>
        {targets.length === 0 ? (
          <p className="text-sm text-slate-700">Add another player first: a channel runs between two players.</p>
        ) : (
          <>
            <div className="space-y-1">
              <label htmlFor={ids.to} className="block text-sm font-medium text-slate-800">
                To
              </label>
              <select
                id={ids.to}
                data-testid="connect-to"
                autoFocus
                value={to}
                onChange={(event) => setTo(event.target.value)}
                className="w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
              >
                {targets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {label(p)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium text-slate-800">It carries</legend>
              {FLOWS.map((f) => (
                <label key={f} className="flex items-start gap-2 rounded-md px-1 py-1 text-sm text-slate-800 has-checked:bg-indigo-50">
                  <input type="radio" name={ids.flow} value={f} checked={flow === f} onChange={() => setFlow(f)} data-testid={`connect-flow-${f}`} className="mt-0.5 size-4 accent-indigo-600" />
                  <span>
                    {FLOW_LABELS[f].label}
                    <span className="block text-xs text-slate-600">{FLOW_LABELS[f].hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500">
            Cancel
          </button>
          {targets.length > 0 && (
            <button type="submit" data-testid="connect-submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
              Draw channel
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
