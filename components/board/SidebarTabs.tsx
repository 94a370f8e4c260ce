import type { KeyboardEvent } from "react";
import { ChevronDown, ChevronUp } from "lucide-react";

export type SidebarTab = "inspect" | "questions" | "comments";

const SIDEBAR_TABS: { tab: SidebarTab; label: string }[] = [
  { tab: "inspect", label: "Inspect" },
  { tab: "questions", label: "Questions" },
  { tab: "comments", label: "Comments" },
];

export const tabId = (tab: SidebarTab) => `sidebar-tab-${tab}`;
export const panelId = (tab: SidebarTab) => `sidebar-panel-${tab}`;

interface SidebarTabsProps {
  current: SidebarTab;
  onChange: (tab: SidebarTab) => void;
  warningCount: number;
  /** Comment messages by others not seen yet in this browser. */
  unreadCount?: number;
  /** Phones only: the bottom sheet's state and its toggle. */
  sheetOpen: boolean;
  onSheetOpen: (open: boolean) => void;
}

/** "Inspect", "Questions" and "Comments", as an ARIA tab list: arrow keys move between them. */
export function SidebarTabs({ current, onChange, warningCount, unreadCount = 0, sheetOpen, onSheetOpen }: SidebarTabsProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const at = SIDEBAR_TABS.findIndex((t) => t.tab === current);
    const next = SIDEBAR_TABS[(at + (event.key === "ArrowRight" ? 1 : SIDEBAR_TABS.length - 1)) % SIDEBAR_TABS.length].tab;
    onChange(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="flex shrink-0 items-end border-b border-slate-200 max-md:h-12 max-md:items-center max-md:border-b-0 max-md:px-1">
    <div role="tablist" aria-label="Sidebar" onKeyDown={onKeyDown} className="flex flex-1 gap-1 px-2 pt-2 max-md:pt-0">
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
            title={tab === "comments" ? label : `${label} (Q switches)`}
            className="-mb-px inline-flex items-center gap-1.5 rounded-t-md border border-transparent px-3 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-selected:border-slate-200 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-slate-900"
          >
            {label}
            {tab === "questions" && warningCount > 0 && (
              <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-800 tabular-nums">
                <span data-testid="questions-warning-count">{warningCount}</span>
                <span className="sr-only"> {warningCount === 1 ? "warning" : "warnings"}</span>
              </span>
            )}
            {tab === "comments" && unreadCount > 0 && (
              <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white tabular-nums">
                <span data-testid="comments-unread-count">{unreadCount}</span>
                <span className="sr-only"> unread</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
      <button
        type="button"
        data-testid="sheet-toggle"
        aria-expanded={sheetOpen}
        aria-controls={panelId(current)}
        onClick={() => onSheetOpen(!sheetOpen)}
        className="hidden size-10 place-items-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 max-md:grid"
      >
        {sheetOpen ? <ChevronDown className="size-5" aria-hidden /> : <ChevronUp className="size-5" aria-hidden />}
        <span className="sr-only">{sheetOpen ? "Hide the details" : "Show the details"}</span>
      </button>
    </div>
  );
}
