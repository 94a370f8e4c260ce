import { useEffect, useMemo, useState } from "react";
import { MessageSquarePlus } from "lucide-react";
import { useReactFlow, useStoreApi } from "@xyflow/react";
import { startThread } from "@/lib/collab/discussionDoc";
import { anchorOf } from "@/lib/valuechain/discussion";
import type { Author, Board, CommentTarget, CommentThread } from "@/lib/valuechain/model";
import { shownName } from "@/lib/valuechain/model";
import { newId } from "../boardCommands";
import { useSession } from "../hooks/useSession";
import { MentionTextarea } from "./MentionTextarea";
import { ThreadCard } from "./ThreadCard";

export type CommentFilter = "open" | "resolved" | "all";

export interface CommentsPanelProps {
  board: Board;
  selection: readonly string[];
  me: Author | null;
  names: readonly string[];
  unread: ReadonlySet<string>;
  markSeen: (ids: readonly string[]) => void;
  /** Set when a card's count was clicked: only that player's or channel's threads. */
  focus: string | null;
  onFocus: (id: string | null) => void;
  onShowPlayers: (ids: readonly string[]) => void;
  setSelection: (ids: readonly string[]) => void;
}

/** Read for this long in the open panel, a message counts as seen. */
const SEEN_AFTER_MS = 4000;

function targetOf(thread: CommentThread): string | null {
  return "player" in thread.target ? thread.target.player : "channel" in thread.target ? thread.target.channel : null;
}

/** What a thread hangs on, in words. */
function anchorLabel(thread: CommentThread, board: Board): { label: string; detached: boolean } {
  const anchor = anchorOf(thread, board);
  if (anchor.kind === "point") return { label: "On the canvas", detached: false };
  if (anchor.detached) return { label: `Detached: the ${anchor.kind} it was on was deleted`, detached: true };
  if (anchor.kind === "player") return { label: shownName(board.players.find((p) => p.id === anchor.id)!), detached: false };
  const channel = board.channels.find((c) => c.id === anchor.id)!;
  const name = (id: string) => {
    const p = board.players.find((q) => q.id === id);
    return p ? shownName(p) : id;
  };
  return { label: `${name(channel.from)} → ${name(channel.to)}${channel.label ? ` (${channel.label})` : ""}`, detached: false };
}

/**
 * The board's comment threads: open, resolved or all, or those of one player or channel; a
 * new thread on the selected player or channel (or on the middle of the view); replies,
 * resolve, edit and delete of one's own. Unread messages are marked until they have been in
 * view here for a moment.
 */
export function CommentsPanel({ board, selection, me, names, unread, markSeen, focus, onFocus, onShowPlayers, setSelection }: CommentsPanelProps) {
  const { session, canEdit } = useSession();
  const { setCenter, getZoom } = useReactFlow();
  const store = useStoreApi();
  const [filter, setFilter] = useState<CommentFilter>("open");
  const [draft, setDraft] = useState("");
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const threads = useMemo(() => board.comments ?? [], [board.comments]);
  const selected = selection.length === 1 && [...board.players, ...board.channels].some((x) => x.id === selection[0]) ? selection[0] : null;
  const shown = threads
    .filter((t) => (focus ? targetOf(t) === focus || t.id === focus : true))
    .filter((t) => (filter === "all" ? true : filter === "open" ? !t.resolved : t.resolved))
    .sort((a, b) => (a.messages.at(-1)?.at ?? "") < (b.messages.at(-1)?.at ?? "") ? 1 : -1);

  // What is listed here is being read: after a moment its unread marks go.
  const listedUnread = shown.flatMap((t) => t.messages.filter((m) => unread.has(m.id)).map((m) => m.id));
  const unreadKey = listedUnread.join(",");
  useEffect(() => {
    if (!unreadKey) return;
    const timer = setTimeout(() => markSeen(unreadKey.split(",")), SEEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [unreadKey, markSeen]);

  const jump = (thread: CommentThread) => {
    const t = thread.target;
    if ("player" in t) onShowPlayers([t.player]);
    else if ("channel" in t) {
      const channel = board.channels.find((c) => c.id === t.channel);
      if (channel) onShowPlayers([channel.from, channel.to]);
      setSelection([t.channel]);
    } else void setCenter(t.x, t.y, { zoom: Math.max(getZoom(), 0.8), duration: 300 });
  };

  const start = () => {
    const text = draft.trim();
    if (!text || !me) return;
    let target: CommentTarget;
    if (selected && board.players.some((p) => p.id === selected)) target = { player: selected };
    else if (selected) target = { channel: selected };
    else {
      const { width, height, transform } = store.getState();
      const [tx, ty, zoom] = transform;
      target = { x: Math.round((width / 2 - tx) / zoom), y: Math.round((height / 2 - ty) / zoom) };
    }
    const message = { id: newId(), author: me, text, at: new Date().toISOString() };
    startThread(session.doc, { id: newId(), target, message });
    markSeen([message.id]);
    setDraft("");
    if (filter === "resolved") setFilter("open");
  };

  const selectedName = selected ? anchorLabel({ id: "", target: board.players.some((p) => p.id === selected) ? { player: selected } : { channel: selected }, resolved: false, messages: [] }, board).label : null;

  return (
    <section data-testid="comments-panel" aria-label="Comments" className="space-y-3">
      {canEdit && me && (
        <div className="space-y-1.5 rounded-lg border border-slate-200 p-3">
          <p className="flex items-center gap-1.5 text-xs font-semibold text-slate-600">
            <MessageSquarePlus className="size-3.5" aria-hidden />
            {selectedName ? `New thread on ${selectedName}` : "New thread on the canvas (select a player or channel to comment on it)"}
          </p>
          <MentionTextarea value={draft} onChange={setDraft} onSubmit={start} names={names} placeholder="Write a comment… (@ to mention)" testId="comment-input" label="New comment" />
          <button type="button" onClick={start} disabled={!draft.trim()} data-testid="comment-send" className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white disabled:opacity-50">
            Comment
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Show threads" data-testid="comments-filter">
        {(["open", "resolved", "all"] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            data-testid={`comments-filter-${f}`}
            onClick={() => setFilter(f)}
            className="rounded-full border border-slate-200 px-2.5 py-0.5 text-xs font-medium text-slate-600 aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
          >
            {f === "open" ? "Open" : f === "resolved" ? "Resolved" : "All"} ({threads.filter((t) => (f === "all" ? true : f === "open" ? !t.resolved : t.resolved)).length})
          </button>
        ))}
        {selected && !focus && (
          <button type="button" onClick={() => onFocus(selected)} data-testid="comments-filter-selection" className="rounded-full border border-slate-200 px-2.5 py-0.5 text-xs font-medium text-slate-600">
            For the selection
          </button>
        )}
        {focus && (
          <button type="button" onClick={() => onFocus(null)} data-testid="comments-filter-clear" className="rounded-full border border-indigo-500 bg-indigo-50 px-2.5 py-0.5 text-xs font-medium text-indigo-800">
            Only one {board.players.some((p) => p.id === focus) ? "player" : board.channels.some((c) => c.id === focus) ? "channel" : "thread"} ✕
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p data-testid="comments-empty" className="text-sm text-slate-500">
          {threads.length === 0 ? "No comments yet. Select a player or channel and write the first one." : "No threads here."}
        </p>
      ) : (
        <ul className="space-y-3">
          {shown.map((thread) => (
            <ThreadCard key={thread.id} thread={thread} anchor={anchorLabel(thread, board)} onJump={() => jump(thread)} unread={unread} me={me} names={names} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
