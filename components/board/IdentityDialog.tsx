import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { colorForName, initials, type Identity } from "@/lib/collab/presence";
import { PARTICIPANT_FUNCTIONS, type ParticipantFunction } from "@/lib/valuechain/rounds";

/**
 * Asks who this person is, so others see a name, a function and a colour next to their cursor.
 * It cannot be dismissed the first time: presence without a name helps nobody.
 */
export function IdentityDialog({ initial, onSave, onCancel }: { initial: Identity | null; onSave: (identity: Identity) => void; onCancel?: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(initial?.name ?? "");
  const [fn, setFn] = useState<ParticipantFunction>(initial?.fn ?? "Sales");
  const ids = { title: useId(), name: useId(), fn: useId() };
  const trimmed = name.trim();

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed) onSave({ name: trimmed.slice(0, 60), fn });
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      onCancel={(event) => (onCancel ? onCancel() : event.preventDefault())}
      // Browsers close a dialog on a repeated Escape even when cancel is prevented.
      onClose={() => !onCancel && dialog.current?.showModal()}
      className="m-auto w-[24rem] max-w-[calc(100vw-2rem)] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-sm"
    >
      <form onSubmit={submit} className="space-y-4 p-6">
        <div className="flex items-center gap-3">
          <span className="grid size-11 shrink-0 place-items-center rounded-full text-sm font-semibold text-white" style={{ background: colorForName(trimmed) }} aria-hidden>
            {initials(trimmed)}
          </span>
          <div>
            <h2 id={ids.title} className="text-lg font-semibold">
              {initial ? "Change how others see you" : "Who is joining?"}
            </h2>
            <p className="text-sm text-slate-500">Others on the board see your name, role and cursor.</p>
          </div>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.name} className="block text-sm font-medium text-slate-700">
            Your name
          </label>
          <input
            id={ids.name}
            data-testid="identity-name"
            autoFocus
            required
            maxLength={60}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="name"
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.fn} className="block text-sm font-medium text-slate-700">
            Your function
          </label>
          <select
            id={ids.fn}
            data-testid="identity-function"
            value={fn}
            onChange={(event) => setFn(event.target.value as ParticipantFunction)}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
          >
            {PARTICIPANT_FUNCTIONS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <div className="flex justify-end gap-2 pt-2">
          {onCancel && (
            <button type="button" onClick={onCancel} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100">
              Cancel
            </button>
          )}
          <button
            type="submit"
            data-testid="identity-submit"
            disabled={!trimmed}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {initial ? "Save" : "Join the board"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
