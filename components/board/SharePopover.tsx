import { useId, useState } from "react";
import { Share2 } from "lucide-react";
import { CopyField } from "@/components/CopyField";
import { boardLink, readBoardLinks, type BoardLinks } from "@/components/home/recentBoards";
import { useSession } from "./hooks/useSession";

/**
 * The owner's share links. The server shows a board's tokens only once, when it is created,
 * so only the browser that created the board knows all three.
 */
export function SharePopover() {
  const { boardId, token } = useSession();
  const popoverId = useId();
  const [links, setLinks] = useState<BoardLinks | null>(null);

  return (
    <>
      <button
        type="button"
        popoverTarget={popoverId}
        data-testid="share-button"
        aria-label="Share"
        className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 max-md:px-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <Share2 className="size-4" aria-hidden />
        <span className="max-md:sr-only">Share</span>
      </button>
      <div
        id={popoverId}
        popover="auto"
        // Read on every opening: the board may have been created in another tab since.
        onToggle={(event) => event.newState === "open" && setLinks(readBoardLinks(boardId))}
        data-testid="share-popover"
        aria-label="Share this board"
        className="fixed inset-auto top-14 right-4 m-0 w-[28rem] max-w-[calc(100vw-2rem)] space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-900 shadow-xl"
      >
        <h2 className="text-sm font-semibold">Share this board</h2>
        {links ? (
          <>
            <CopyField label="Can edit" value={links.edit} testId="share-link-edit" />
            <CopyField label="View only" value={links.view} testId="share-link-view" />
            <CopyField label="Owner — facilitates the board; keep it to yourself" value={links.owner} testId="share-link-owner" />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              This browser did not create the board, so it does not know the edit and view links. Ask whoever created it for them. Your own
              link gives full control: share it only with a co-facilitator.
            </p>
            <CopyField label="Your owner link" value={boardLink(window.location.origin, boardId, token)} testId="share-link-owner" />
          </>
        )}
      </div>
    </>
  );
}
