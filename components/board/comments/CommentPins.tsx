import { memo } from "react";
import { MessageSquare } from "lucide-react";
import { ViewportPortal } from "@xyflow/react";
import type { CommentThread } from "@/lib/valuechain/model";
import { useOpenComments } from "./CommentsContext";

/**
 * The open threads pinned to a point of the canvas, as speech bubbles where they were made
 * (threads on a player or channel show as a count on it instead). A click opens the thread.
 */
function CommentPinsView({ threads }: { threads: readonly CommentThread[] | undefined }) {
  const openFor = useOpenComments();
  const pins = (threads ?? []).filter((t) => !t.resolved && "x" in t.target);
  if (!pins.length) return null;
  return (
    <ViewportPortal>
      {pins.map((t) => {
        const at = t.target as { x: number; y: number };
        const first = t.messages[0];
        return (
          <button
            key={t.id}
            type="button"
            data-testid="comment-pin"
            data-thread-id={t.id}
            title={`${first.author.name}: ${first.text}`}
            aria-label={`Comment by ${first.author.name} on the canvas: ${first.text}`}
            onClick={() => openFor(t.id)}
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1 rounded-full rounded-bl-none bg-amber-400 px-2 py-1 text-xs font-semibold text-amber-950 shadow-md hover:bg-amber-300"
            style={{ transform: `translate(${at.x}px, ${at.y}px) translate(0, -100%)` }}
          >
            <MessageSquare className="size-3.5" aria-hidden />
            {t.messages.length}
          </button>
        );
      })}
    </ViewportPortal>
  );
}

export const CommentPins = memo(CommentPinsView);
