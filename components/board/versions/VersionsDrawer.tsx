import { useEffect, useRef, useState } from "react";
import { History, X } from "lucide-react";
import { useSession } from "../hooks/useSession";
import { SaveVersionForm } from "./SaveVersionForm";
import { VersionItem } from "./VersionItem";
import { useVersions } from "./VersionsContext";
import type { VersionSummary } from "@/lib/contracts/versions";

/** How often "5 minutes ago" is brought up to date while the drawer is open. */
const CLOCK_MS = 30_000;

/**
 * The board's versions, newest first, beside the canvas: save the board as it is now (editors),
 * open one read-only, compare one with the live board or with another, rename, restore
 * (editors) and delete (owner). The list is fetched again each time the drawer opens.
 */
export function VersionsDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { canEdit } = useSession();
  const { versions, listError, refresh, compare } = useVersions();
  const [picking, setPicking] = useState<VersionSummary | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void refresh();
    root.current?.focus();
  }, [refresh]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);

  const picked = (second: VersionSummary) => {
    if (!picking) return;
    // Older on the left of the comparison, newer on the right, whichever was picked first.
    const [from, to] = Date.parse(picking.createdAt) <= Date.parse(second.createdAt) ? [picking, second] : [second, picking];
    setPicking(null);
    compare(from.id, to.id);
    onClose();
  };

  return (
    <div
      id={id}
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      data-testid="versions-drawer"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        if (picking) setPicking(null);
        else onClose();
      }}
      className="fixed top-14 right-0 bottom-0 z-40 flex w-96 max-w-full flex-col border-l border-slate-200 bg-white text-slate-900 shadow-2xl outline-none"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-3">
        <History className="size-5 text-indigo-600" aria-hidden />
        <h2 id={`${id}-title`} className="flex-1 text-base font-semibold">
          Versions
        </h2>
        <button type="button" data-testid="versions-close" onClick={onClose} aria-label="Close versions" className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
          <X className="size-5" aria-hidden />
        </button>
      </div>

      {canEdit ? (
        <SaveVersionForm />
      ) : (
        <p className="border-b border-slate-200 p-4 text-sm text-slate-600">You can open and compare versions. Saving and restoring them needs an edit link.</p>
      )}

      {picking && (
        <div role="status" className="flex items-center gap-2 bg-indigo-50 px-4 py-2 text-sm text-indigo-900">
          <span className="min-w-0 flex-1">
            Pick the version to compare with <strong className="font-semibold">“{picking.name}”</strong>
          </span>
          <button type="button" onClick={() => setPicking(null)} className="rounded-md px-2 py-1 text-xs font-medium hover:bg-indigo-100">
            Cancel
          </button>
        </div>
      )}

      <div className="min-h-0 flex-1 overflow-y-auto">
        {listError && (
          <p role="alert" data-testid="versions-error" className="m-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {listError}
          </p>
        )}
        {versions === null && !listError && <p className="p-4 text-sm text-slate-500">Loading versions…</p>}
        {versions?.length === 0 && (
          <p data-testid="versions-empty" className="p-4 text-sm text-slate-600">
            No versions yet. Save one before a big change, to compare with it afterwards or go back to it.
          </p>
        )}
        {versions && versions.length > 0 && (
          <ul aria-label="Saved versions, newest first">
            {versions.map((version) => (
              <VersionItem key={version.id} version={version} now={now} picking={picking} onStartPicking={setPicking} onPicked={picked} onDone={onClose} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
