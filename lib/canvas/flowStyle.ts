import type { Flow } from "../valuechain/model";

/** How each flow is drawn; the legend and the edges read the same table (their words: lib/valuechain/labels.ts). */
export const FLOW_STYLE: Record<Flow, { color: string; width: number; dash?: string; arrow: "filled" | "open" }> = {
  goods: { color: "#334155", width: 2.5, arrow: "filled" },
  commercial: { color: "#0f766e", width: 1.75, dash: "8 5", arrow: "filled" },
  influence: { color: "#7c3aed", width: 1.75, dash: "2 5", arrow: "open" },
};

export const SELECTED_EDGE_COLOR = "#4f46e5";

export function arrowMarkerId(flow: Flow, selected: boolean): string {
  return `chainboard-arrow-${flow}${selected ? "-selected" : ""}`;
}
