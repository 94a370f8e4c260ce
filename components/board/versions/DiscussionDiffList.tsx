import type { DiscussionDiff } from "@/lib/valuechain/boardDiff";
import { discussionChanged } from "@/lib/valuechain/boardDiff";
import type { CommentThread } from "@/lib/valuechain/model";

const firstWords = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const opening = (thread: CommentThread) => `“${firstWords(thread.messages[0]?.text ?? "")}”`;

/** Notes and comment threads that changed between the two boards, apart from the chain and the answers. */
export function DiscussionDiffList({ diff }: { diff: DiscussionDiff }) {
  if (!discussionChanged(diff)) return null;
  const items: { key: string; text: string }[] = [
    ...diff.notes.added.map((n) => ({ key: `na${n.id}`, text: `Note added: “${firstWords(n.text || "empty")}”` })),
    ...diff.notes.removed.map((n) => ({ key: `nr${n.id}`, text: `Note removed: “${firstWords(n.text || "empty")}”` })),
    ...diff.threads.added.map((t) => ({ key: `ta${t.id}`, text: `Thread started: ${opening(t)}${t.resolved ? " (resolved)" : ""}` })),
    ...diff.threads.removed.map((t) => ({ key: `tr${t.id}`, text: `Thread deleted: ${opening(t)}` })),
    ...diff.threads.resolved.map((t) => ({ key: `ts${t.id}`, text: `Thread resolved: ${opening(t)}` })),
    ...diff.threads.reopened.map((t) => ({ key: `to${t.id}`, text: `Thread reopened: ${opening(t)}` })),
    ...diff.threads.replied.map(({ thread, count }) => ({ key: `tp${thread.id}`, text: `${count} ${count === 1 ? "reply" : "replies"} on ${opening(thread)}` })),
  ];
  return (
    <section aria-labelledby="discussion-diff-heading" className="space-y-2" data-testid="discussion-diff">
      <h3 id="discussion-diff-heading" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Notes and comments
      </h3>
      <ul className="space-y-1.5">
        {items.map((item) => (
          <li key={item.key} data-testid="discussion-change" className="rounded-md bg-amber-50 px-2.5 py-1.5 text-slate-800 ring-1 ring-amber-200 ring-inset">
            {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
