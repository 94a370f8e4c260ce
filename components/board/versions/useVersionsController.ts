import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { writeBoard } from "@/lib/collab/boardDoc";
import { parseBoardFile } from "@/lib/valuechain/schema";
import { useSession } from "../hooks/useSession";
import { hrefWithComparePair, readComparePair } from "./compareLink";
import { versionsApi, type BoardRef, type VersionsApi, type VersionSummary } from "./versionsApi";

/** What replaces the live canvas: one version, read-only, or a comparison of two boards. */
export type VersionView = { kind: "version"; id: string; name: string } | { kind: "compare"; from: BoardRef; to: BoardRef };

export interface VersionsController {
  api: VersionsApi;
  /** The display name versions and restores are recorded under. */
  author: string;
  view: VersionView | null;
  openVersion(version: Pick<VersionSummary, "id" | "name">): void;
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
 * The state behind the versions drawer and the version and compare views. A comparison is kept
 * in the address (`?compare=from..to`, beside the token) so it can be shared as a link; a page
 * opened with one starts in that comparison.
 */
export function useVersionsController({ author, onEnterView }: { author: string; onEnterView: () => void }): VersionsController {
  const { session, boardId, token } = useSession();
  const api = useMemo(() => versionsApi(boardId, token), [boardId, token]);
  const [view, setView] = useState<VersionView | null>(() => {
    const pair = readComparePair(window.location.search);
    return pair && { kind: "compare", ...pair };
  });
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // The address follows the view: a comparison is shareable, anything else is the plain board link.
  useEffect(() => {
    const next = hrefWithComparePair(window.location.href, view?.kind === "compare" ? { from: view.from, to: view.to } : null);
    if (next !== window.location.href) window.history.replaceState(window.history.state, "", next);
  }, [view]);

  const enterView = useRef(onEnterView);
  useEffect(() => {
    enterView.current = onEnterView;
  });
  const show = useCallback((next: VersionView | null) => {
    if (next) enterView.current();
    setView(next);
  }, []);

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
      setView(null);
      setNotice(`Restored “${version.name}” — the previous state was saved as an automatic version`);
      void refresh();
    },
    [api, author, refresh, session],
  );

  return useMemo(
    () => ({
      api,
      author,
      view,
      openVersion: (version) => show({ kind: "version", id: version.id, name: version.name }),
      compare: (from, to) => show({ kind: "compare", from, to }),
      backToLive: () => show(null),
      versions,
      listError,
      refresh,
      restore,
      notice,
      dismissNotice: () => setNotice(null),
    }),
    [api, author, view, show, versions, listError, refresh, restore, notice],
  );
}
