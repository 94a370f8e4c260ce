import { FLOWS } from "@/lib/valuechain/model";
import { arrowMarkerId, FLOW_STYLE, SELECTED_EDGE_COLOR } from "@/lib/canvas/flowStyle";

/** Arrowheads of the three flows (filled or open), plain and selected, referenced by id from the edges. */
export function ChannelMarkers() {
  return (
    <svg aria-hidden className="absolute size-0">
      <defs>
        {FLOWS.flatMap((flow) =>
          [false, true].map((selected) => {
            const { arrow, color } = FLOW_STYLE[flow];
            const stroke = selected ? SELECTED_EDGE_COLOR : color;
            return (
              <marker
                key={arrowMarkerId(flow, selected)}
                id={arrowMarkerId(flow, selected)}
                viewBox="0 0 12 12"
                refX="10"
                refY="6"
                markerWidth="14"
                markerHeight="14"
                markerUnits="userSpaceOnUse"
                orient="auto-start-reverse"
              >
                {arrow === "filled" ? (
                  <path d="M1,1 L11,6 L1,11 z" fill={stroke} />
                ) : (
                  <path d="M1,1 L11,6 L1,11" fill="none" stroke={stroke} strokeWidth="1.75" strokeLinejoin="round" strokeLinecap="round" />
                )}
              </marker>
            );
          }),
        )}
      </defs>
    </svg>
  );
}
