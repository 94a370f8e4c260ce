import { memo, type MouseEvent } from "react";
import { channelPath } from "@/lib/canvas/channelPath";
import { CommentCount } from "../comments/CommentCount";

interface ChannelLabelProps {
  id: string;
  text: string;
  /** Open comment threads on the channel. */
  threads: number;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
  lane: number;
  selected: boolean;
  onSelect: (id: string, event: MouseEvent) => void;
}

/** A channel's label and share on its line, and its open comment threads; it hides part of the line, so it selects the channel too. */
function ChannelLabelView({ id, text, threads, sx, sy, tx, ty, lane, selected, onSelect }: ChannelLabelProps) {
  const [, x, y] = channelPath(sx, sy, tx, ty, lane);
  return (
    <div
      data-testid="channel-label"
      data-id={id}
      onClick={(event) => onSelect(id, event)}
      className={`nodrag nopan pointer-events-auto absolute cursor-pointer rounded-md border bg-white px-1.5 py-0.5 text-xs font-medium whitespace-nowrap shadow-sm ${selected ? "border-indigo-400 text-indigo-700" : "border-slate-200 text-slate-700"}`}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
    >
      {text}
      {threads > 0 && <CommentCount id={id} count={threads} className={text ? "ml-1.5" : ""} />}
    </div>
  );
}

export const ChannelLabel = memo(ChannelLabelView);
