import { setTitle } from "@/lib/collab/boardDoc";
import { useSession } from "./hooks/useSession";
import { LiveInput } from "./LiveFields";

/** The board's name, edited in place (read-only for viewers). */
export function BoardTitle({ title }: { title: string }) {
  const { session, canEdit } = useSession();
  const className =
    "w-full min-w-0 truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-base font-semibold text-slate-900 hover:border-slate-200 focus:border-indigo-500 focus:bg-white focus:outline-2 focus:outline-indigo-500/30 read-only:hover:border-transparent";
  if (!canEdit) return <input data-testid="board-title" aria-label="Board title" value={title} readOnly className={className} />;
  return <LiveInput testId="board-title" aria-label="Board title" value={title} onChange={(next) => setTitle(session.doc, next)} placeholder="Untitled board" className={className} />;
}
