import { MessageSquare } from "lucide-react";
import { useOpenComments } from "./CommentsContext";

/** How many open threads a player or channel has; a click opens them in the Comments tab. */
export function CommentCount({ id, count, className = "" }: { id: string; count: number; className?: string }) {
  const openFor = useOpenComments();
  return (
    <button
      type="button"
      data-testid="comment-count"
      aria-label={`${count} open comment ${count === 1 ? "thread" : "threads"}: show`}
      title="Open comment threads"
      onClick={(event) => {
        event.stopPropagation();
        openFor(id);
      }}
      className={`nodrag nopan inline-flex items-center gap-0.5 rounded-full bg-amber-400 px-1.5 py-0.5 align-middle text-[11px] leading-none font-bold text-amber-950 shadow-sm hover:bg-amber-300 ${className}`}
    >
      <MessageSquare className="size-3" aria-hidden />
      {count}
    </button>
  );
}
