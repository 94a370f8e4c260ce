import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { VersionSummary } from "@/lib/contracts/versions";
import { ApiRequestError } from "@/components/api/client";
import { useSession } from "../hooks/useSession";
import { versionsApi } from "../versions/versionsApi";
import { boardFileName, saveBlob } from "../file/downloadBoardFile";

/** `/api/boards/{id}/report?format=…&since=…`, with the token in the query where asked (a new tab sends no header). */
export function reportUrl(boardId: string, format: "html" | "pdf", since: string, token?: string): string {
  const params = new URLSearchParams({ format });
  if (since) params.set("since", since);
  if (token) params.set("t", token);
  return `/api/boards/${encodeURIComponent(boardId)}/report?${params}`;
}

async function downloadPdf(url: string, token: string, title: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, cache: "no-store" });
  } catch {
    throw new ApiRequestError(0, "unreachable", "The server cannot be reached, so the PDF cannot be made. Try again when you are back online.");
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiRequestError(res.status, "error", body?.error?.message ?? `The PDF could not be made (the server answered ${res.status}).`);
  }
  saveBlob(await res.blob(), boardFileName(title, "pdf"));
}

const versionLabel = (v: VersionSummary) => `${v.name}${v.auto ? " (automatic)" : ""} — ${new Date(v.createdAt).toLocaleString()}`;

/**
 * The board's report, made by the server: open it as a page (self-contained, prints as a board
 * pack) or download it as PDF, optionally with what changed since a saved version.
 */
export function ReportDialog({ onClose }: { onClose: () => void }) {
  const { session, boardId, token } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), since: useId(), status: useId() };
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [versionsError, setVersionsError] = useState<string | null>(null);
  const [since, setSince] = useState("");
  const [rendering, setRendering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const api = useMemo(() => versionsApi(boardId, token), [boardId, token]);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    api.list().then(
      (list) => live && setVersions(list),
      (err: Error) => live && setVersionsError(err.message),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const openHtml = () => {
    window.open(reportUrl(boardId, "html", since, token), "_blank", "noopener");
  };

  const savePdf = async () => {
    setError(null);
    setRendering(true);
    try {
      await downloadPdf(reportUrl(boardId, "pdf", since), token, session.board.get().board.title);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setRendering(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      data-testid="report-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.status}
      onClose={onClose}
      className="m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-sm"
    >
      <div className="space-y-4 p-6">
        <div>
          <h2 id={ids.title} className="text-lg font-semibold">
            Board report
          </h2>
          <p className="text-sm text-slate-500">
            The diagram, the eight questions with their answers, the channels, the strategy per segment, open warnings and the last workshop round, on one page to
            print or send.
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.since} className="block text-sm font-medium text-slate-700">
            Changes since
          </label>
          <select
            id={ids.since}
            data-testid="report-since"
            value={since}
            onChange={(event) => setSince(event.target.value)}
            disabled={versions === null}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 disabled:opacity-60"
          >
            <option value="">None</option>
            {versions?.map((v) => (
              <option key={v.id} value={v.id}>
                {versionLabel(v)}
              </option>
            ))}
          </select>
          {versionsError && <p className="text-xs text-red-700">The versions could not be listed: {versionsError}</p>}
          {versions?.length === 0 && <p className="text-xs text-slate-500">No saved versions yet.</p>}
        </div>
        <p id={ids.status} role="status" aria-live="polite" className="min-h-5 text-sm">
          {rendering ? (
            <span data-testid="report-progress" className="text-slate-600">
              Rendering PDF…
            </span>
          ) : error ? (
            <span data-testid="report-error" role="alert" className="text-red-700">
              {error}
            </span>
          ) : null}
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500">
            Close
          </button>
          <button
            type="button"
            data-testid="report-open-html"
            onClick={openHtml}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Open HTML report
          </button>
          <button
            type="button"
            data-testid="report-download-pdf"
            onClick={() => void savePdf()}
            disabled={rendering}
            aria-busy={rendering}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {rendering ? "Rendering PDF…" : "Download PDF"}
          </button>
        </div>
      </div>
    </dialog>
  );
}
