import { useEffect, useRef, useState } from "react";
import type { CommentThread } from "@/lib/valuechain/model";

/** Says a new message from someone else aloud to screen readers: who wrote it, and its start. */
export function CommentAnnouncer({ threads, unread }: { threads: readonly CommentThread[]; unread: ReadonlySet<string> }) {
  const announced = useRef<Set<string> | null>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    // What is unread on arrival was there before: only what comes later is news.
    if (announced.current === null) {
      announced.current = new Set(unread);
      return;
    }
    const fresh = threads.flatMap((t) => t.messages).filter((m) => unread.has(m.id) && !announced.current!.has(m.id));
    if (!fresh.length) return;
    for (const m of fresh) announced.current.add(m.id);
    const last = fresh.at(-1)!;
    setText(`New comment from ${last.author.name}: ${last.text.length > 80 ? `${last.text.slice(0, 77)}…` : last.text}`);
  }, [threads, unread]);
  return (
    <p role="status" className="sr-only" data-testid="comment-announcer">
      {text}
    </p>
  );
}
