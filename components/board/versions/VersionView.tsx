import { useEffect, type ReactNode } from "react";
import { applyDiff } from "@/lib/valuechain/boardDiff";
import { AnswersDiffPanel } from "./AnswersDiffPanel";
import { CompareBanner, VersionBanner } from "./VersionBanners";
import { compareScene } from "./compareScene";
import { useGuardLiveShortcuts } from "./useGuardLiveShortcuts";
import { useLoad } from "./useLoad";
import type { VersionSelection } from "./useVersionSelection";
import { useVersions } from "./VersionsContext";
import { LIVE, type BoardRef, type VersionSummary } from "@/lib/contracts/versions";
import { VersionCanvas } from "./VersionCanvas";

/**
 * What the canvas area shows while a version is open or two boards are compared, laid over the
 * live canvas (the live document keeps syncing, and the live canvas keeps its place, underneath).
 * `selection` is what is selected on an open version, read in the side panel.
 */
export function VersionView({ selection }: { selection: VersionSelection }) {
  const { view } = useVersions();
  useGuardLiveShortcuts();
  if (!view) return null;
  return (
    <div data-testid="version-view" className="absolute inset-0 z-20">
      {view.kind === "version" ? (
        <SavedVersion key={view.id} id={view.id} selection={selection} />
      ) : (
        <Comparison key={`${view.from}..${view.to}`} from={view.from} to={view.to} />
      )}
    </div>
  );
}

/** The version list, fetched once if nothing has fetched it yet: the banners name versions from it. */
function useVersionList(): readonly VersionSummary[] | null {
  const { versions, refresh } = useVersions();
  useEffect(() => {
    if (versions === null) void refresh();
  }, [versions, refresh]);
  return versions;
}

function SavedVersion({ id, selection }: { id: string; selection: VersionSelection }) {
  const { opened } = useVersions();
  const versions = useVersionList();
  const name = versions?.find((v) => v.id === id)?.name ?? null;
  const banner = <VersionBanner id={id} name={name} label={refLabel(id, versions)} />;
  if (opened?.status !== "ready") return <Placeholder banner={banner} error={opened?.status === "error" ? opened.message : null} />;
  return (
    <VersionCanvas board={opened.value.board} selection={selection}>
      {banner}
    </VersionCanvas>
  );
}

function Comparison({ from, to }: { from: BoardRef; to: BoardRef }) {
  const { api } = useVersions();
  const versions = useVersionList();
  const loaded = useLoad(async () => {
    // A saved side never changes, so the "to" board is that version, or — against the live board —
    // the "from" version with the diff applied: exactly the board the diff was taken to.
    const saved = to !== LIVE ? to : from;
    const [diff, board] = await Promise.all([api.compare(from, to), api.board(saved)]);
    const toBoard = to !== LIVE || from === LIVE ? board : applyDiff(board, diff);
    return { diff, scene: compareScene(toBoard, diff) };
  });
  const fromLabel = refLabel(from, versions);
  const toLabel = refLabel(to, versions);
  const banner = <CompareBanner from={from} to={to} fromLabel={fromLabel} toLabel={toLabel} />;
  if (loaded.status !== "ready") return <Placeholder banner={banner} error={loaded.status === "error" ? loaded.message : null} />;
  const { diff, scene } = loaded.value;
  return (
    <div className="flex h-full">
      <div className="relative min-w-0 flex-1">
        <VersionCanvas board={scene.board} scene={scene}>
          {banner}
        </VersionCanvas>
      </div>
      <AnswersDiffPanel diff={diff} fromLabel={fromLabel} toLabel={toLabel} />
    </div>
  );
}

/** "the live board", a version's name, or a neutral word while the list loads (or for a version since deleted). */
export function refLabel(ref: BoardRef, versions: readonly VersionSummary[] | null): string {
  if (ref === LIVE) return "the live board";
  const version = versions?.find((v) => v.id === ref);
  return version ? `“${version.name}”` : versions === null ? "a version" : "a deleted version";
}

function Placeholder({ banner, error }: { banner: ReactNode; error: string | null }) {
  return (
    <div data-testid="version-canvas" data-mode="loading" className="relative flex h-full w-full flex-col items-center gap-6 bg-slate-100 pt-3">
      {banner}
      {error ? (
        <p role="alert" data-testid="version-error" className="max-w-md rounded-lg border border-red-200 bg-white px-4 py-3 text-sm text-red-700 shadow-sm">
          {error}
        </p>
      ) : (
        <p role="status" className="text-sm text-slate-500">
          Loading…
        </p>
      )}
    </div>
  );
}
