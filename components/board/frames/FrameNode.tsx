import { memo, useState } from "react";
import { NodeResizer, type NodeProps } from "@xyflow/react";
import type { FrameFlowNode } from "@/lib/canvas/discussionNodes";
import { useSession } from "../hooks/useSession";
import { CollabInput } from "../text/CollabField";
import { useFrameActions } from "./FrameActions";

/**
 * A frame: a titled area behind the cards ("Export markets", "Project business"). Dragging it
 * by its title moves everything inside along; its corners resize it. Double-click the title to
 * rename it.
 */
function FrameNodeView({ data, selected, width, height }: NodeProps<FrameFlowNode>) {
  const { frame } = data;
  const { canEdit } = useSession();
  const { resize } = useFrameActions();
  const [editing, setEditing] = useState(false);
  return (
    <div
      data-testid="frame-node"
      data-frame-id={frame.id}
      className={`relative rounded-xl border-2 ${selected ? "border-indigo-500" : "border-slate-300"} bg-slate-100/50`}
      style={{ width: width ?? frame.width, height: height ?? frame.height }}
    >
      {canEdit && (
        <NodeResizer
          isVisible={selected === true}
          minWidth={160}
          minHeight={100}
          color="#6366f1"
          onResizeEnd={(_event, box) => resize(frame.id, { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) })}
        />
      )}
      <div className="absolute -top-8 left-0 max-w-full" onDoubleClick={() => canEdit && setEditing(true)}>
        {editing ? (
          <div className="nodrag" onBlur={() => setEditing(false)} onKeyDown={(event) => (event.key === "Enter" || event.key === "Escape") && event.currentTarget.querySelector("input")?.blur()}>
            <CollabInput field={{ kind: "frame", id: frame.id, field: "title" }} value={frame.title} testId="frame-title-input" aria-label="Frame title" autoFocus className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold" />
          </div>
        ) : (
          <p data-testid="frame-title" className="truncate rounded-md bg-white/80 px-2 py-1 text-sm font-semibold text-slate-700">
            {frame.title || "Untitled frame"}
          </p>
        )}
      </div>
    </div>
  );
}

export const FrameNode = memo(FrameNodeView);
