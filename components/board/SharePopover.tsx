import { useId } from "react";
import { Share2 } from "lucide-react";
import { CopyField } from "@/components/CopyField";
import { boardLink } from "@/components/home/recentBoards";
import { useSession } from "./hooks/useSession";
import { ReplaceableLink } from "./share/ReplaceableLink";
import { useShareLinks, type ReplaceableLink as ReplaceableLinkKind, type ShareLinks } from "./share/useShareLinks";
import { useVersions } from "./versions/VersionsContext";
import { hrefWithView, type VersionView } from "./versions/viewLink";

/**
 * The links this person may give out: the owner the edit and view links (and may replace
 * either), an editor or a viewer the view link; with a version or a comparison open, also a
 * view-only link to it. Asked of the server on every opening: the owner may have replaced one.
 */
export function SharePopover() {
  const popoverId = useId();
  const { state, load, replace } = useShareLinks();

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
        onToggle={(event) => event.newState === "open" && void load()}
        data-testid="share-popover"
        aria-label="Share this board"
        className="fixed inset-auto top-14 right-4 m-0 max-h-[calc(100dvh-5rem)] w-[28rem] max-w-[calc(100vw-2rem)] space-y-3 overflow-y-auto rounded-xl border border-slate-200 bg-white p-4 text-slate-900 shadow-xl"
      >
        <h2 className="text-sm font-semibold">Share this board</h2>
        {state.status === "loading" && (
          <p role="status" className="text-sm text-slate-500">
            Getting the links…
          </p>
        )}
        {state.status === "error" && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )}
        {state.status === "ready" && <Links links={state.links} onReplace={replace} />}
      </div>
    </>
  );
}

function Links({ links, onReplace }: { links: ShareLinks; onReplace: (which: ReplaceableLinkKind) => Promise<number> }) {
  const { boardId, token, role } = useSession();
  const { view } = useVersions();
  if (role !== "owner") {
    return (
      <>
        {links.view ? (
          <CopyField label="View only" value={links.view} testId="share-link-view" />
        ) : (
          <p data-testid="share-link-view-unknown" className="text-sm text-slate-600">
            The view link of this board cannot be shown here yet. Ask the board&apos;s owner for it.
          </p>
        )}
        <CurrentViewLink view={view} viewLink={links.view} />
        {role === "editor" && <p className="text-xs text-slate-500">Only the owner gives out edit links.</p>}
      </>
    );
  }
  return (
    <>
      <ReplaceableLink which="edit" label="Can edit" link={links.edit} testId="share-link-edit" onReplace={onReplace} />
      <ReplaceableLink which="view" label="View only" link={links.view} testId="share-link-view" onReplace={onReplace} />
      <CurrentViewLink view={view} viewLink={links.view} />
      <ReplaceableLink which="owner" label="Your owner link — it facilitates the board; keep it to yourself" link={boardLink(window.location.origin, boardId, token)} testId="share-link-owner" onReplace={onReplace} />
    </>
  );
}

/** With a version or a comparison open: the view link that opens it. */
function CurrentViewLink({ view, viewLink }: { view: VersionView | null; viewLink: string | null }) {
  if (!view || !viewLink) return null;
  return <CopyField label={view.kind === "compare" ? "This comparison, view only" : "This version, view only"} value={hrefWithView(viewLink, view)} testId="share-link-current-view" />;
}
