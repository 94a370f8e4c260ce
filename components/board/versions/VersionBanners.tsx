import { useId, useState } from "react";
import { ArrowLeft, GitCompareArrows, History, Link2, RotateCcw } from "lucide-react";
import { CopyField } from "@/components/CopyField";
import { useSession } from "../hooks/useSession";
import { useShareLinks } from "../share/useShareLinks";
import { ConfirmInline } from "./ConfirmInline";
import { useVersions } from "./VersionsContext";
import type { BoardRef } from "@/lib/contracts/versions";
import { hrefWithView, type VersionView } from "./viewLink";

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

/**
 * Over a version shown read-only: which one, a link to it, a way to restore it (editors), and
 * the way back. `name` is null until the list of versions arrives (or for one since deleted),
 * and `label` says so.
 */
export function VersionBanner({ id, name, label }: { id: string; name: string | null; label: string }) {
  const { canEdit } = useSession();
  const { restore } = useVersions();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await restore({ id, name: name ?? "the version" });
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
          {name === null ? <>Viewing {label}</> : <>Viewing version <strong className="font-semibold">“{name}”</strong></>} — read-only
        </span>
        <ViewLinkButton view={{ kind: "version", id }} />
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
            question={`Make the board ${name === null ? "this version" : `“${name}”`} again, for everyone? The board as it is now is saved first as an automatic version, and Ctrl+Z undoes it.`}
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
      <ViewLinkButton view={{ kind: "compare", from, to }} />
      <BackToLive />
    </div>
  );
}

/**
 * The version or comparison as a view-only link, to send to anyone: it carries the board's view
 * link, whatever this person's own access, so sharing what is on screen never gives edit access.
 */
function ViewLinkButton({ view }: { view: VersionView }) {
  const { role } = useSession();
  const { state, load } = useShareLinks();
  const popoverId = useId();
  const what = view.kind === "compare" ? "comparison" : "version";
  return (
    <>
      <button type="button" popoverTarget={popoverId} data-testid={`${what}-link-button`} className={`${BUTTON} text-slate-700 hover:bg-slate-100`}>
        <Link2 className="size-4" aria-hidden />
        Link
      </button>
      <div
        id={popoverId}
        popover="auto"
        onToggle={(event) => event.newState === "open" && void load()}
        aria-label={`Link to this ${what}`}
        className="fixed inset-auto top-28 left-1/2 m-0 w-[30rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-slate-900 shadow-xl"
      >
        <h2 className="text-sm font-semibold">Open this {what} from a link</h2>
        {state.status === "loading" && (
          <p role="status" className="text-sm text-slate-500">
            Getting the link…
          </p>
        )}
        {state.status === "error" && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )}
        {state.status === "ready" &&
          (state.links.view ? (
            <CopyField label="View only — anyone with it can look, not change" value={hrefWithView(state.links.view, view)} testId={`${what}-link-view`} />
          ) : (
            <p data-testid={`${what}-link-unknown`} className="text-sm text-slate-600">
              {role === "owner"
                ? "This board was made before Chainboard kept its links, so its view link cannot be shown here. Replace the view link under Share to get one you can send."
                : "The view link of this board cannot be shown here yet. Ask the board's owner for it."}
            </p>
          ))}
      </div>
    </>
  );
}
