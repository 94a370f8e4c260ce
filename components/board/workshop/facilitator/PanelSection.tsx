import type { ReactNode } from "react";

/** A collapsible section of the workshop panel. */
export function PanelSection({ title, open, onToggle, testId, children }: { title: string; open: boolean; onToggle: (open: boolean) => void; testId: string; children: ReactNode }) {
  return (
    <details open={open} onToggle={(event) => onToggle(event.currentTarget.open)} data-testid={testId} className="group border-t border-slate-100 px-3 py-2">
      <summary className="cursor-pointer list-none text-sm font-semibold text-slate-800 select-none marker:hidden">
        <span className="mr-1 inline-block text-slate-400 transition group-open:rotate-90">›</span>
        {title}
      </summary>
      {open && <div className="pt-2">{children}</div>}
    </details>
  );
}
