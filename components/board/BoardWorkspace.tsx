import { useCallback, useMemo, useRef, useState, type SetStateAction } from "react";
import type { FollowTarget } from "@/lib/collab/presence";
import { chainOrder } from "@/lib/valuechain/chainOrder";
import { DEFAULT_BOARD_TITLE, type Board, type CommentThread } from "@/lib/valuechain/model";
import { BoardActionsContext } from "./BoardActions";
import { BoardSidebar } from "./BoardSidebar";
import { useConnectDialog } from "./connect/useConnectDialog";
import { Canvas } from "./Canvas";
import { HighlightStore } from "./highlight";
import { HighlightContext } from "./HighlightContext";
import { AnswersContext, useAnswers } from "./hooks/useAnswers";
import { useBoardContent } from "./hooks/useBoard";
import { useBoardShortcuts } from "./hooks/useBoardShortcuts";
import { useClipboard } from "./hooks/useClipboard";
import { CommentsContext, type CommentsLink } from "./comments/CommentsContext";
import { useSeenMessages } from "./comments/useSeenMessages";
import { CommentAnnouncer } from "./comments/CommentAnnouncer";
import { usePresence } from "./hooks/usePresence";
import { openThreadCounts } from "@/lib/valuechain/discussion";
import type { Peer } from "@/lib/collab/presence";
import { useDocumentTitle } from "./hooks/useDocumentTitle";
import { useIdentity } from "./hooks/useIdentity";
import { usePublishPresence } from "./hooks/usePublishPresence";
import { useRememberBoard } from "./hooks/useRememberBoard";
import { useSession } from "./hooks/useSession";
import { useSheetClosesWithSelection } from "./hooks/useSheetClosesWithSelection";
import { useShowPlayers } from "./hooks/useShowPlayers";
import { useWarnBeforeLeaving } from "./hooks/useWarnBeforeLeaving";
import { IdentityDialog } from "./IdentityDialog";
import { Palette } from "./Palette";
import type { SidebarTab } from "./SidebarTabs";
import { StrategyViewContext } from "./StrategyViewContext";
import { RemoteChangeAnnouncer } from "./RemoteChangeAnnouncer";
import { TopBar } from "./TopBar";
import { UndoKeptNotice } from "./UndoKeptNotice";
import { useVersionSelection } from "./versions/useVersionSelection";
import { useVersionsController } from "./versions/useVersionsController";
import { VersionsContext } from "./versions/VersionsContext";
import { refLabel, VersionView } from "./versions/VersionView";
import { useEditingPausedForMe } from "./workshop/EditingLock";
import { WorkshopLayer } from "./workshop/WorkshopLayer";
import { WorkshopRoot } from "./workshop/WorkshopRoot";

type Selection = readonly string[];
const NOTHING: Selection = [];
/** What the side panel reads while a version is still loading. */
const NO_BOARD: Board = { title: "", players: [], channels: [] };
const IGNORE = () => {};

/** The board page: top bar, palette, canvas and sidebar (inspector or questions) around one shared selection. */
/**
 * Open threads per player or channel, as the same map until a count changes: every card reads
 * it, so a reply or an edit (which changes no count) must not re-render a thousand cards.
 */
function useStableCounts(threads: readonly CommentThread[]): ReadonlyMap<string, number> {
  const previous = useRef<ReadonlyMap<string, number>>(new Map());
  return useMemo(() => {
    const next = openThreadCounts(threads);
    const old = previous.current;
    const same = next.size === old.size && [...next].every(([id, n]) => old.get(id) === n);
    if (!same) previous.current = next;
    return previous.current;
  }, [threads]);
}

const peerNames = (peers: Peer[]) => peers.map((p) => p.user.name).sort().join("\n");
const sameString = (a: string, b: string) => a === b;

export function BoardWorkspace() {
  const { session, canEdit, boardId } = useSession();
  // Everything here but the canvas ignores positions: a drag re-renders the canvas alone.
  const board = useBoardContent();
  const answered = useAnswers(board);
  const [highlight] = useState(() => new HighlightStore());
  const [tab, setTab] = useState<SidebarTab>("inspect");
  const [strategyView, setStrategyView] = useState(false);
  const [identity, setIdentity] = useIdentity();
  const [editingIdentity, setEditingIdentity] = useState(false);
  const [following, setFollowing] = useState<FollowTarget | null>(null);
  const [rawSelection, setRawSelection] = useState<Selection>(NOTHING);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [clipboardNotice, setClipboardNotice] = useState<string | null>(null);
  const [commentFocus, setCommentFocus] = useState<string | null>(null);

  // Ids deleted by someone else (or by undo) drop out of the selection.
  const selection = useMemo(() => {
    const live = new Set([...board.players, ...board.channels, ...(board.notes ?? []), ...(board.frames ?? [])].map((item) => item.id));
    const kept = rawSelection.filter((id) => live.has(id));
    return kept.length === rawSelection.length ? rawSelection : kept;
  }, [board, rawSelection]);
  const setSelection = useCallback((next: SetStateAction<Selection>) => setRawSelection(next), []);
  const stopFollowing = useCallback(() => setFollowing(null), []);
  const follow = useCallback((who: FollowTarget) => setFollowing((current) => (current?.clientId === who.clientId ? null : who)), []);
  const toggleQuestions = useCallback(() => {
    setTab((current) => (current === "questions" ? "inspect" : "questions"));
    setSheetOpen(true);
  }, []);
  const toggleStrategyView = useCallback(() => setStrategyView((on) => !on), []);
  const showPlayers = useShowPlayers(setSelection, stopFollowing);
  const editingPaused = useEditingPausedForMe();
  const order = useMemo(() => chainOrder(board), [board]);
  const showDetails = useCallback(() => setSheetOpen(true), []);
  const connecting = useConnectDialog(board, order, setSelection, showDetails);
  const versions = useVersionsController({ author: identity?.name ?? "", onEnterView: () => setSelection(NOTHING) });
  const openedId = versions.view?.kind === "version" ? versions.view.id : null;
  const versionSelection = useVersionSelection(openedId);
  const opened = versions.opened?.status === "ready" ? versions.opened.value : null;
  const versionAnswered = useMemo(() => opened && { board: opened.board, answers: opened.answers }, [opened]);
  // While a version is open, the side panel reads that version: its answers and warnings, its
  // cards, nothing editable. A comparison keeps the live board's panel beside its own.
  const panel =
    openedId === null
      ? { board, answered, selection, setSelection, onShowPlayers: showPlayers, version: null }
      : {
          board: opened?.board ?? NO_BOARD,
          answered: versionAnswered,
          selection: versionSelection.ids,
          setSelection: IGNORE,
          onShowPlayers: versionSelection.show,
          version: { label: refLabel(openedId, versions.versions) },
        };

  useDocumentTitle(board.title || DEFAULT_BOARD_TITLE);
  useRememberBoard(board.title);
  useWarnBeforeLeaving(session.save);
  usePublishPresence(session.provider.awareness, identity, selection);
  useSheetClosesWithSelection(panel.selection.length > 0, setSheetOpen);
  useClipboard(selection, setSelection, setClipboardNotice, canEdit && !editingPaused && !versions.view);
  const me = useMemo(() => (identity ? { name: identity.name, function: identity.fn } : null), [identity]);
  const threads = useMemo(() => board.comments ?? [], [board.comments]);
  const { unread, markSeen } = useSeenMessages(boardId, threads, me?.name ?? null);
  const present = usePresence(session.provider.awareness, peerNames, sameString);
  // Whom @ offers: everyone here now, everyone who wrote on the board, and this person.
  const names = useMemo(
    () => [...new Set([...present.split("\n"), ...threads.flatMap((t) => t.messages.map((m) => m.author.name)), ...(me ? [me.name] : [])].filter(Boolean))].sort(),
    [present, threads, me],
  );
  const counts = useStableCounts(threads);
  const commentsLink = useMemo<CommentsLink>(
    () => ({
      counts,
      openFor: (id) => {
        setCommentFocus(id);
        setTab("comments");
        setSheetOpen(true);
      },
    }),
    [counts],
  );
  useBoardShortcuts({ selection, setSelection, startConnect: connecting.actions.startConnect, following: following !== null, stopFollowing, toggleQuestions, toggleStrategyView });

  return (
    <BoardActionsContext value={connecting.actions}>
    <CommentsContext value={commentsLink}>
    <div className="flex h-dvh flex-col bg-slate-50 text-slate-900">
      {/* The workshop wraps the top bar and the board: its button, its panel, agreement colours, the editing lock. */}
      <WorkshopRoot identity={identity} setFollowing={setFollowing}>
      <VersionsContext value={versions}>
        <TopBar title={board.title} following={following} onFollow={follow} onEditIdentity={() => setEditingIdentity(true)} selection={selection} strategyView={strategyView} />
      </VersionsContext>
      <AnswersContext value={answered}>
      <HighlightContext value={highlight}>
        <StrategyViewContext value={strategyView}>
          <div className="flex min-h-0 flex-1 max-md:flex-col">
            {canEdit && !editingPaused && !versions.view && <Palette onAdded={(id) => setSelection([id])} author={identity ? { name: identity.name, function: identity.fn } : undefined} />}
            {/* On a phone the canvas ends where the bottom sheet begins: nothing of it is hidden under the sheet. */}
            <main className={`relative min-h-0 min-w-0 flex-1 ${sheetOpen ? "max-md:pb-[45dvh]" : "max-md:pb-12"}`} aria-label="Board canvas">
              <Canvas
                order={order}
                selection={selection}
                setSelection={setSelection}
                following={following}
                stopFollowing={stopFollowing}
                strategyView={strategyView}
                onToggleStrategyView={toggleStrategyView}
              />
              {versions.view && (
                <VersionsContext value={versions}>
                  <VersionView selection={versionSelection} />
                </VersionsContext>
              )}
            </main>
            {/* Beside the canvas, not over it: what a round talks about stays in view. */}
            {!versions.view && <WorkshopLayer board={board} />}
            <BoardSidebar
              tab={tab}
              onTab={setTab}
              board={panel.board}
              selection={panel.selection}
              setSelection={panel.setSelection}
              answered={panel.answered}
              strategyView={strategyView}
              onShowPlayers={panel.onShowPlayers}
              sheetOpen={sheetOpen}
              onSheetOpen={setSheetOpen}
              version={panel.version}
              comments={{ board, selection, setSelection, me, names, unread, markSeen, focus: commentFocus, onFocus: setCommentFocus }}
            />
          </div>
        </StrategyViewContext>
      </HighlightContext>
      </AnswersContext>
      {/* Inside the workshop: a blind round's names reach screen readers as they reach eyes. */}
      <RemoteChangeAnnouncer />
      </WorkshopRoot>
      <UndoKeptNotice board={board} />
      <CommentAnnouncer threads={threads} unread={unread} />
      {clipboardNotice && (
        <p role="status" data-testid="clipboard-notice" className="fixed bottom-16 left-1/2 z-40 max-w-md -translate-x-1/2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
          {clipboardNotice}
          <button type="button" onClick={() => setClipboardNotice(null)} className="ml-3 font-medium underline">
            OK
          </button>
        </p>
      )}
      {connecting.dialog}
      {(!identity || editingIdentity) && (
        <IdentityDialog
          initial={identity}
          onSave={(next) => {
            setIdentity(next);
            setEditingIdentity(false);
          }}
          onCancel={identity ? () => setEditingIdentity(false) : undefined}
        />
      )}
    </div>
    </CommentsContext>
    </BoardActionsContext>
  );
}
