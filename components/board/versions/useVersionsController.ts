import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { writeBoard } from "@/lib/collab/boardDoc";
import { parseBoardFile } from "@/lib/valuechain/schema";
import { useSession } from "../hooks/useSession";
import type { Loaded } from "./useLoad";
import { useOpenedVersion, type OpenedVersion } from "./useOpenedVersion";
import { versionsApi, type VersionsApi } from "./versionsApi";
import type { BoardRef, VersionSummary } from "@/lib/contracts/versions";
import { hrefWithView, readView, sameView, type VersionView } from "./viewLink";

export type { VersionView };

export interface VersionsController {
  api: VersionsApi;
  /** The display name versions and restores are recorded under. */
  author: string;
  view: VersionView | null;
  /** The open version's board and answers; null unless a version (not a comparison) is open. */
  opened: Loaded<OpenedVersion> | null;
  openVersion(version: Pick<VersionSummary, "id">): void;
  compare(from: BoardRef, to: BoardRef): void;
  backToLive(): void;
  /** The board's versions, newest first; null until first loaded. */
  versions: VersionSummary[] | null;
  listError: string | null;
  refresh(): Promise<void>;
  /** Makes the live board that version for everyone, as one change this person can undo. */
  restore(version: Pick<VersionSummary, "id" | "name">): Promise<void>;
  notice: string | null;
  dismissNotice(): void;
}

/**
 * The state behind the versions drawer and the version and compare views. What is shown is
 * kept in the address (`?version=…` or `?compare=from..to`, beside the token), so a reload or a
 * shared link lands on it; each change of view is a step in the browser's history, so Back
 * returns to the live board. A page opened with one starts in it.
 */
export function useVersionsController({ author, onEnterView }: { author: string; onEnterView: () => void }): VersionsController {
  const { session, boardId, token } = useSession();
  const api = useMemo(() => versionsApi(boardId, token), [boardId, token]);
  const [view, setView] = useState<VersionView | null>(() => readView(window.location.search));
  const opened = useOpenedVersion(api, view?.kind === "version" ? view.id : null);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const enterView = useRef(onEnterView);
  useEffect(() => {
    enterView.current = onEnterView;
  });
  const show = useCallback((next: VersionView | null) => {
    if (next) enterView.current();
    setView((current) => (sameView(current, next) ? current : next));
  }, []);
  const go = useCallback(
    (next: VersionView | null) => {
      show(next);
      const href = hrefWithView(window.location.href, next);
      // A null state lets Next's router record the new address as its own history entry.
      if (href !== window.location.href) window.history.pushState(null, "", href);
    },
    [show],
  );

  // Back and Forward show what the address they land on asks for.
  useEffect(() => {
    const onPopState = () => show(readView(window.location.search));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [show]);

  const refresh = useCallback(async () => {
    try {
      setVersions(await api.list());
      setListError(null);
    } catch (err) {
      setListError((err as Error).message);
    }
  }, [api]);

  const restore = useCallback(
    async (version: Pick<VersionSummary, "id" | "name">) => {
      const { file } = await api.restore(version.id, author.trim() || "Someone");
      const parsed = parseBoardFile(file);
      if (!parsed.ok) throw new Error(`The version cannot be restored: ${parsed.error.message}`);
      const { format: _format, ...board } = parsed.board;
      // One undo step of its own: Ctrl+Z by this person brings the board before the restore back, for everyone.
      session.undo.stopCapturing();
      writeBoard(session.doc, board);
      session.undo.stopCapturing();
      go(null);
      setNotice(`Restored “${version.name}” — the previous state was saved as an automatic version`);
      void refresh();
    },
    [api, author, refresh, session, go],
  );

  return useMemo(
    () => ({
      api,
      author,
      view,
      opened,
      openVersion: (version) => go({ kind: "version", id: version.id }),
      compare: (from, to) => go({ kind: "compare", from, to }),
      backToLive: () => go(null),
      versions,
      listError,
      refresh,
      restore,
      notice,
      dismissNotice: () => setNotice(null),
    }),
    [api, author, view, opened, go, versions, listError, refresh, restore, notice],
  );
}
