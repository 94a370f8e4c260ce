import { useId, useState } from "react";
import { ArrowLeft, GitCompareArrows, History, Link2, RotateCcw } from "lucide-react";
import { CopyField } from "@/components/CopyField";
import { readBoardLinks } from "@/components/home/recentBoards";
import { useSession } from "../hooks/useSession";
import { hrefWithComparePair } from "./compareLink";
import { ConfirmInline } from "./ConfirmInline";
import { useVersions } from "./VersionsContext";
import type { BoardRef } from "./versionsApi";

const BANNER = "flex w-max max-w-[40rem] flex-wrap items-center gap-2 rounded-2xl border bg-white py-1.5 pr-1.5 pl-3 text-sm shadow-md";
const BUTTON = "inline-flex shrink-0 items-center gap-1 rounded-full px-2.5 py-1 font-medium focus-visible:outline-2 focus-visible:outline-indigo-500";

function BackToLive() {
  const { backToLive } = useVersions();
  return (
    <button type="button" data-testid="back-to-live" onClick={backToLive} className={`${BUTTON} bg-indigo-600 text-white hover:bg-indigo-700`}>
      <ArrowLeft className="size-4" aria-hidden />
      Back to live
    </button>
  );
}

/** Over a version shown read-only: which one, a way to restore it (editors), and the way back. */
export function VersionBanner({ id, name }: { id: string; name: string }) {
  const { canEdit } = useSession();
  const { restore } = useVersions();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await restore({ id, name });
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col items-center gap-2">
      <div data-testid="version-banner" role="status" className={`${BANNER} border-indigo-200`}>
        <History className="size-4 shrink-0 text-indigo-600" aria-hidden />
        <span className="min-w-0 truncate">
          Viewing version <strong className="font-semibold">“{name}”</strong> — read-only
        </span>
        {canEdit && !confirming && (
          <button type="button" data-testid="banner-restore" onClick={() => setConfirming(true)} className={`${BUTTON} text-slate-700 hover:bg-slate-100`}>
            <RotateCcw className="size-4" aria-hidden />
            Restore this version
          </button>
        )}
        <BackToLive />
      </div>
      {confirming && (
        <div className="w-96 rounded-xl bg-white shadow-lg">
          <ConfirmInline
            question={`Make the board “${name}” again, for everyone? The board as it is now is saved first as an automatic version, and Ctrl+Z undoes it.`}
            confirmLabel="Restore"
            confirmTestId="confirm-restore"
            busy={busy}
            onConfirm={confirm}
            onCancel={() => setConfirming(false)}
          />
        </div>
      )}
      {error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-white px-3 py-1.5 text-sm text-red-700 shadow-sm">
          {error}
        </p>
      )}
    </div>
  );
}

/** Over a comparison: what is compared with what, a link to it, and the way back. */
export function CompareBanner({ from, to, fromLabel, toLabel }: { from: BoardRef; to: BoardRef; fromLabel: string; toLabel: string }) {
  return (
    <div data-testid="compare-banner" role="status" className={`${BANNER} border-slate-300`}>
      <GitCompareArrows className="size-4 shrink-0 text-slate-600" aria-hidden />
      <span className="min-w-0">
        Comparing <strong className="font-semibold">{fromLabel}</strong> with <strong className="font-semibold">{toLabel}</strong>
      </span>
      <CompareLinkButton from={from} to={to} />
      <BackToLive />
    </div>
  );
}

/** The comparison as a link: with this person's own access, and view-only when this browser knows the view link. */
function CompareLinkButton({ from, to }: { from: BoardRef; to: BoardRef }) {
  const { boardId, role } = useSession();
  const popoverId = useId();
  const [viewLink, setViewLink] = useState<string | null>(null);
  const pair = { from, to };
  return (
    <>
      <button type="button" popoverTarget={popoverId} data-testid="compare-link-button" className={`${BUTTON} text-slate-700 hover:bg-slate-100`}>
        <Link2 className="size-4" aria-hidden />
        Link
      </button>
      <div
        id={popoverId}
        popover="auto"
        onToggle={(event) => {
          if (event.newState !== "open") return;
          const links = readBoardLinks(boardId);
          setViewLink(links ? hrefWithComparePair(links.view, pair) : null);
        }}
        aria-label="Link to this comparison"
        className="fixed inset-auto top-28 left-1/2 m-0 w-[30rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-900 shadow-xl"
      >
        <h2 className="text-sm font-semibold">Open this comparison from a link</h2>
        {viewLink && <CopyField label="View only" value={viewLink} testId="compare-link-view" />}
        <CopyField
          label={role === "viewer" ? "Your link (view only)" : `Your link — gives ${role === "owner" ? "owner" : "edit"} access; share it only with people who have it`}
          value={hrefWithComparePair(window.location.href, pair)}
          testId="compare-link"
        />
      </div>
    </>
  );
}
