import { useId, useState } from "react";
import { History } from "lucide-react";
import { VersionNotice } from "./VersionNotice";
import { VersionsDrawer } from "./VersionsDrawer";
import { useVersions } from "./VersionsContext";

/** The top bar's way into versions (everyone can browse and compare; editors save and restore). */
export function VersionsButton() {
  const [open, setOpen] = useState(false);
  const { view } = useVersions();
  const drawerId = useId();
  return (
    <>
      <button
        type="button"
        data-testid="versions-button"
        aria-expanded={open}
        aria-controls={open ? drawerId : undefined}
        onClick={() => setOpen((current) => !current)}
        title="Save, open, compare and restore versions of this board"
        aria-label="Versions"
        className={`inline-flex items-center gap-1.5 rounded-md border px-3 py-1.5 max-md:px-2 text-sm font-medium shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
          open || view ? "border-indigo-300 bg-indigo-50 text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
        }`}
      >
        <History className="size-4" aria-hidden />
        <span className="max-md:sr-only">Versions</span>
      </button>
      {open && <VersionsDrawer id={drawerId} onClose={() => setOpen(false)} />}
      <VersionNotice />
    </>
  );
}
