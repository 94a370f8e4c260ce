import type { KeyboardEvent } from "react";

export type SidebarTab = "inspect" | "questions";

const SIDEBAR_TABS: { tab: SidebarTab; label: string }[] = [
  { tab: "inspect", label: "Inspect" },
  { tab: "questions", label: "Questions" },
];

export const tabId = (tab: SidebarTab) => `sidebar-tab-${tab}`;
export const panelId = (tab: SidebarTab) => `sidebar-panel-${tab}`;

interface SidebarTabsProps {
  current: SidebarTab;
  onChange: (tab: SidebarTab) => void;
  warningCount: number;
}

/** "Inspect" and "Questions", as an ARIA tab list: arrow keys move between them. */
export function SidebarTabs({ current, onChange, warningCount }: SidebarTabsProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next = current === "inspect" ? "questions" : "inspect";
    onChange(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div role="tablist" aria-label="Sidebar" onKeyDown={onKeyDown} className="flex shrink-0 gap-1 border-b border-slate-200 px-2 pt-2">
      {SIDEBAR_TABS.map(({ tab, label }) => {
        const selected = tab === current;
        return (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            data-testid={`tab-${tab}`}
            aria-selected={selected}
            aria-controls={panelId(tab)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            title={`${label} (Q switches)`}
            className="-mb-px inline-flex items-center gap-1.5 rounded-t-md border border-transparent px-3 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-selected:border-slate-200 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-slate-900"
          >
            {label}
            {tab === "questions" && warningCount > 0 && (
              <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-800 tabular-nums">
                <span data-testid="questions-warning-count">{warningCount}</span>
                <span className="sr-only"> {warningCount === 1 ? "warning" : "warnings"}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
