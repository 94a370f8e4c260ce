import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import { PlayerNode } from "../PlayerNode";
import type { DiffMark } from "./compareScene";
import { DIFF_STYLE } from "./diffStyle";
import type { VersionFlowNode } from "./versionFlow";

function tooltip(mark: DiffMark, name: string): string {
  switch (mark.kind) {
    case "added":
      return `${name} was added`;
    case "removed":
      return `${name} was removed (shown where it was)`;
    default:
      return [`${name} changed:`, ...mark.details].join("\n");
  }
}

/**
 * A player card in the compare view: the ordinary card inside an outline in the colour of the
 * difference, with a label above it; removed players are faded ghosts with a dashed outline.
 * The tooltip lists the changed fields ("name: Dealer → Reseller").
 */
function DiffPlayerNodeView(props: NodeProps<VersionFlowNode>) {
  const { mark, player } = props.data;
  if (!mark) return <PlayerNode {...props} />;
  const style = DIFF_STYLE[mark.kind];
  const ghost = mark.kind === "removed";
  return (
    <div
      data-testid="diff-card"
      data-diff={mark.kind}
      data-player-id={player.id}
      title={tooltip(mark, player.name.trim() || "Unnamed player")}
      // React Flow turns pointer events off on cards that cannot be selected or dragged; the tooltip needs them.
      className={`pointer-events-auto relative rounded-xl outline-[3px] outline-offset-4 ${style.outline} ${ghost ? "opacity-50 outline-dashed" : "outline-solid"}`}
    >
      <span className={`absolute -top-7 right-0 rounded px-1.5 py-0.5 text-[11px] font-semibold text-white ${style.badge}`}>{style.label}</span>
      <PlayerNode {...props} />
    </div>
  );
}

export const DiffPlayerNode = memo(DiffPlayerNodeView);
