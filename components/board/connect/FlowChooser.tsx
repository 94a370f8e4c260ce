import { useEffect, useRef } from "react";
import { FLOW_LABELS } from "@/lib/valuechain/labels";
import { FLOWS, type Flow } from "@/lib/valuechain/model";
import { FLOW_STYLE } from "@/lib/canvas/flowStyle";

interface FlowChooserProps {
  /** Where the channel was dropped, in pixels from the canvas's top-left corner. */
  at: { x: number; y: number };
  flow: Flow;
  onChoose: (flow: Flow) => void;
  onClose: () => void;
}

/** A short line in the flow's own style, as on the canvas and in the legend. */
function FlowSwatch({ flow }: { flow: Flow }) {
  const { color, dash, width } = FLOW_STYLE[flow];
  return (
    <svg width="28" height="8" aria-hidden className="shrink-0">
      <line x1="1" y1="4" x2="27" y2="4" stroke={color} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  );
}

/**
 * Asks what a channel just drawn carries, right where it was dropped: the three flows, the one
 * it has now pressed. Keys 1–3 choose, Escape or a click elsewhere keeps what it is.
 */
export function FlowChooser({ at, flow, onChoose, onClose }: FlowChooserProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>("button[aria-pressed=true]")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", onPointerDown, true);
    return () => window.removeEventListener("pointerdown", onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const n = Number(event.key);
    if (n >= 1 && n <= FLOWS.length) {
      event.preventDefault();
      onChoose(FLOWS[n - 1]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div
      ref={ref}
      role="group"
      aria-label="What does this channel carry?"
      data-testid="flow-chooser"
      onKeyDown={onKeyDown}
      className="absolute z-20 w-56 -translate-x-1/2 rounded-lg border border-slate-200 bg-white p-1.5 shadow-lg"
      style={{ left: at.x, top: at.y + 12 }}
    >
      <p className="px-1.5 pb-1 text-xs font-semibold text-slate-700">This channel carries</p>
      {FLOWS.map((f, i) => (
        <button
          key={f}
          type="button"
          aria-pressed={f === flow}
          data-testid={`flow-choice-${f}`}
          onClick={() => onChoose(f)}
          className="flex w-full items-center gap-2 rounded-md px-1.5 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:font-semibold aria-pressed:text-indigo-800"
        >
          <FlowSwatch flow={f} />
          <span className="flex-1">
            {FLOW_LABELS[f].label}
            <span className="block text-xs font-normal text-slate-600">{FLOW_LABELS[f].hint}</span>
          </span>
          <kbd className="rounded border border-slate-300 px-1 text-[10px] text-slate-600">{i + 1}</kbd>
        </button>
      ))}
    </div>
  );
}
