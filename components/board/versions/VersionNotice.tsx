import { useEffect } from "react";
import { CheckCircle2, X } from "lucide-react";
import { useVersions } from "./VersionsContext";

const SHOWN_MS = 10_000;

/** A short-lived confirmation at the bottom of the page ("Restored …"). */
export function VersionNotice() {
  const { notice, dismissNotice } = useVersions();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismissNotice, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, dismissNotice]);
  if (!notice) return null;
  return (
    <div
      data-testid="version-notice"
      role="status"
      className="fixed bottom-6 left-1/2 z-50 flex max-w-[calc(100vw-2rem)] -translate-x-1/2 items-center gap-2 rounded-xl bg-slate-900 py-2 pr-2 pl-3 text-sm text-white shadow-xl"
    >
      <CheckCircle2 className="size-4 shrink-0 text-emerald-400" aria-hidden />
      <span>{notice}</span>
      <button type="button" onClick={dismissNotice} aria-label="Dismiss" className="rounded-md p-1 hover:bg-white/15">
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
