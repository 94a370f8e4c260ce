import { useId, useState, type FormEvent } from "react";
import { Save } from "lucide-react";
import { useVersions } from "./VersionsContext";

const INPUT = "w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30";

/** Names the board as it is now ("FY27 review — before workshop"), with an optional note. */
export function SaveVersionForm() {
  const { api, author, refresh } = useVersions();
  const ids = { name: useId(), note: useId() };
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const trimmed = name.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || busy) return;
    setBusy(true);
    setResult(null);
    try {
      const saved = await api.save({ name: trimmed, note: note.trim() || undefined, author: author.trim() || "Someone" });
      setName("");
      setNote("");
      setResult({ ok: true, text: `Saved “${saved.name}”.` });
      await refresh();
    } catch (err) {
      setResult({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Save a version" className="space-y-2 border-b border-slate-200 p-4">
      <div className="space-y-1">
        <label htmlFor={ids.name} className="block text-xs font-semibold text-slate-600">
          Save the board as it is now
        </label>
        <input
          id={ids.name}
          data-testid="version-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={200}
          placeholder="Name, e.g. FY27 review — before workshop"
          className={INPUT}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.note} className="sr-only">
          Note (optional)
        </label>
        <textarea
          id={ids.note}
          data-testid="version-note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={5000}
          rows={2}
          placeholder="Note (optional): why this moment matters"
          className={`${INPUT} resize-y`}
        />
      </div>
      <div className="flex items-center justify-between gap-2">
        <p role="status" data-testid="save-version-result" className={`min-w-0 text-xs ${result?.ok === false ? "text-red-700" : "text-slate-500"}`}>
          {result?.text}
        </p>
        <button
          type="submit"
          data-testid="save-version"
          disabled={!trimmed || busy}
          className="inline-flex shrink-0 items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          <Save className="size-4" aria-hidden />
          {busy ? "Saving…" : "Save version"}
        </button>
      </div>
    </form>
  );
}
