import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Copy } from "lucide-react";
import { apiRequest } from "@/components/api/client";
import { adoptCreatedBoard } from "@/components/home/adoptCreatedBoard";
import type { CreatedBoard, DuplicateBoardRequest } from "@/lib/contracts/boards";
import { useSession } from "../hooks/useSession";

/**
 * Duplicates the board into a new one with its own links, which opens in this tab (this
 * browser keeps its links, as for a board made here). "As a template" leaves the workshop
 * rounds and the comment threads behind.
 */
export function DuplicateDialog({ onClose }: { onClose: () => void }) {
  const { session, boardId, token } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), name: useId() };
  const [title, setTitle] = useState(() => `${session.board.get().board.title || "Untitled board"} (copy)`.slice(0, 200));
  const [asTemplate, setAsTemplate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: DuplicateBoardRequest = { title: title.trim() || undefined, asTemplate };
      const created = await apiRequest<CreatedBoard>(`/api/boards/${encodeURIComponent(boardId)}/duplicate`, { method: "POST", body, token });
      // Everything this tab wrote is on the server before the copy is taken: it reads the live board.
      window.location.assign(adoptCreatedBoard(created).owner);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={ids.title}
      data-testid="duplicate-dialog"
      onClose={onClose}
      className="m-auto w-[26rem] max-w-[calc(100vw-2rem)] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="space-y-4 p-6">
        <h2 id={ids.title} className="flex items-center gap-2 text-lg font-semibold">
          <Copy className="size-5 text-indigo-600" aria-hidden /> Duplicate board
        </h2>
        <p className="text-sm text-slate-600">A new board with the same players, channels, notes and frames, and its own links. It opens here; this board stays as it is.</p>
        <div className="space-y-1">
          <label htmlFor={ids.name} className="block text-sm font-medium text-slate-700">
            Title of the copy
          </label>
          <input
            id={ids.name}
            data-testid="duplicate-title"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
          />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" data-testid="duplicate-as-template" checked={asTemplate} onChange={(event) => setAsTemplate(event.target.checked)} className="mt-0.5" />
          <span>
            As a template
            <span className="block text-slate-500">Without the workshop rounds and comment threads: a clean start for another team or year.</span>
          </span>
        </label>
        {error && (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Cancel
          </button>
          <button type="submit" disabled={busy} data-testid="duplicate-submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60">
            {busy ? "Duplicating…" : "Duplicate and open"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
