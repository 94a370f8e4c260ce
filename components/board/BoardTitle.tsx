import { DEFAULT_BOARD_TITLE } from "@/lib/valuechain/model";
import { useSession } from "./hooks/useSession";
import { CollabInput } from "./text/CollabField";

const TITLE = { kind: "title" } as const;

/** The board's name, edited in place (read-only for viewers). */
export function BoardTitle({ title }: { title: string }) {
  const { canEdit } = useSession();
  const className =
    "w-full min-w-0 truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-base font-semibold text-slate-900 hover:border-slate-200 focus:border-indigo-500 focus:bg-white focus:outline-2 focus:outline-indigo-500/30 read-only:hover:border-transparent";
  if (!canEdit) return <input data-testid="board-title" aria-label="Board title" value={title} readOnly className={className} />;
  return <CollabInput testId="board-title" aria-label="Board title" field={TITLE} value={title} placeholder={DEFAULT_BOARD_TITLE} className={className} />;
}
