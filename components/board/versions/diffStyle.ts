import type { DiffKind } from "./compareScene";

/** How the compare view marks each kind of difference; the cards, the channels and the legend read the same table. */
export const DIFF_STYLE: Record<DiffKind, { label: string; color: string; outline: string; badge: string }> = {
  added: { label: "Added", color: "#16a34a", outline: "outline-emerald-600", badge: "bg-emerald-600" },
  removed: { label: "Removed", color: "#dc2626", outline: "outline-red-600", badge: "bg-red-600" },
  changed: { label: "Changed", color: "#d97706", outline: "outline-amber-500", badge: "bg-amber-500" },
  moved: { label: "Moved", color: "#0284c7", outline: "outline-sky-500", badge: "bg-sky-600" },
};

export const DIFF_KINDS = ["added", "removed", "changed", "moved"] as const satisfies readonly DiffKind[];
