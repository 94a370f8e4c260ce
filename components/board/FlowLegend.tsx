import { FLOW_LABELS } from "@/lib/valuechain/labels";
import { FLOWS } from "@/lib/valuechain/model";
import { FLOW_STYLE } from "@/lib/canvas/flowStyle";

/** What the three line styles mean, in one compact row. */
export function FlowLegend() {
  return (
    <ul
      data-testid="flow-legend"
      aria-label="Channel line styles"
      className="flex items-center gap-4 rounded-full border border-slate-200 bg-white/90 px-4 py-1.5 text-xs text-slate-600 shadow-sm backdrop-blur"
    >
      {FLOWS.map((flow) => {
        const { label, hint } = FLOW_LABELS[flow];
        const { color, width, dash } = FLOW_STYLE[flow];
        return (
          <li key={flow} title={`${label}: ${hint}`} className="flex items-center gap-1.5">
            <svg width="28" height="8" aria-hidden>
              <line x1="2" y1="4" x2="26" y2="4" stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
            </svg>
            <span className="font-medium text-slate-800">{label}</span>
            <span className="sr-only">: {hint}</span>
          </li>
        );
      })}
    </ul>
  );
}
