import { Fragment } from "react";
import { mentionsIn } from "@/lib/valuechain/discussion";

/** A message's text with its @mentions set off, the current person's highlighted. */
export function MessageText({ text, names, me }: { text: string; names: readonly string[]; me: string | null }) {
  const mentioned = mentionsIn(text, names).sort((a, b) => b.length - a.length);
  if (!mentioned.length) return <>{text}</>;
  const pattern = new RegExp(`(@(?:${mentioned.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`, "gi");
  return (
    <>
      {text.split(pattern).map((part, i) => {
        if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
        const isMe = me !== null && part.slice(1).toLowerCase() === me.toLowerCase();
        return (
          <mark key={i} data-testid={isMe ? "comment-mention-me" : "comment-mention"} className={isMe ? "rounded bg-amber-200 px-0.5 font-semibold text-amber-950" : "bg-transparent font-semibold text-indigo-700"}>
            {part}
          </mark>
        );
      })}
    </>
  );
}
