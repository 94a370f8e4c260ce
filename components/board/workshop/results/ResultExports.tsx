import { useState } from "react";
import { ClipboardCopy, Download } from "lucide-react";
import type { RoundsClient } from "../api";
import type { RoundView } from "@/lib/contracts/rounds";

const BUTTON =
  "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/** The revealed round as Markdown for a report (copied), or as the API's JSON (downloaded). */
export function ResultExports({ client, view }: { client: RoundsClient; view: RoundView }) {
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    setBusy(true);
    try {
      const text = await client.summary(view.id);
      try {
        await navigator.clipboard.writeText(text);
        setCopied("copied");
        setManual(null);
      } catch {
        // No clipboard on a plain-http server: show the text, ready to copy by hand.
        setManual(text);
      }
    } catch {
      setCopied("failed");
    } finally {
      setBusy(false);
      setTimeout(() => setCopied(null), 2500);
    }
  };

  const download = () => {
    const blob = new Blob([JSON.stringify(view, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `chainboard-round-${view.createdAt.slice(0, 10)}-${view.id.slice(0, 8)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <button type="button" data-testid="copy-summary" onClick={() => void copy()} disabled={busy} className={BUTTON}>
          <ClipboardCopy className="size-3.5" aria-hidden />
          Copy summary
        </button>
        <button type="button" data-testid="download-json" onClick={download} className={BUTTON}>
          <Download className="size-3.5" aria-hidden />
          Download JSON
        </button>
        <span role="status" className="text-xs text-slate-500">
          {copied === "copied" ? "Summary copied as Markdown." : copied === "failed" ? "The summary could not be loaded." : ""}
        </span>
      </div>
      {manual !== null && (
        <textarea
          readOnly
          value={manual}
          data-testid="summary-text"
          aria-label="Summary in Markdown: select and copy"
          onFocus={(event) => event.target.select()}
          rows={6}
          className="w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-[11px] text-slate-700"
        />
      )}
    </div>
  );
}
