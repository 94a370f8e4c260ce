"use client";
import { useId, useRef, useState, type DragEvent } from "react";
import { FileUp, LoaderCircle } from "lucide-react";
import { importBoardFile } from "@/components/board/file/importBoardFile";

/**
 * Opens a `chainboard/v1` file (exported from any Chainboard) as a new board with its own
 * links: chosen with the button or dropped on the panel. A bad file shows the first problem
 * with its path, and creates nothing.
 */
export function ImportBoardPanel() {
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await importBoardFile(file);
    if (result.ok) {
      window.location.assign(result.links.owner);
      return;
    }
    setError(result.message);
    setBusy(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void open(event.dataTransfer.files[0]);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-testid="import-panel"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`rounded-2xl border border-dashed p-6 ${over ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white"}`}
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Open a board file
      </h2>
      <p className="mt-1 text-sm text-slate-600">A board downloaded from Chainboard (a .chainboard.json file) becomes a new board with its own links. Drop it here, or choose it.</p>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="import-file-input"
        aria-label="Board file to open"
        className="hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          void open(file);
        }}
      />
      <button
        type="button"
        disabled={busy}
        onClick={() => input.current?.click()}
        data-testid="import-file"
        className="mt-4 inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        {busy ? <LoaderCircle className="size-4 animate-spin" aria-hidden /> : <FileUp className="size-4" aria-hidden />}
        Choose a file…
      </button>
      {error && (
        <p role="alert" data-testid="import-error" className="mt-4 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm break-words text-rose-800">
          {error}
        </p>
      )}
    </section>
  );
}
