import { useState } from "react";
import { CheckCircle2, CircleDot, Pencil, RotateCcw, Trash2 } from "lucide-react";
import { deleteMessage, editMessage, reply, setResolved } from "@/lib/collab/discussionDoc";
import type { Author, CommentThread } from "@/lib/valuechain/model";
import { newId } from "../boardCommands";
import { useSession } from "../hooks/useSession";
import { fullTime, timeAgo } from "../versions/relativeTime";
import { MentionTextarea } from "./MentionTextarea";
import { MessageText } from "./MessageText";

interface ThreadCardProps {
  thread: CommentThread;
  anchor: { label: string; detached: boolean };
  onJump: () => void;
  unread: ReadonlySet<string>;
  me: Author | null;
  names: readonly string[];
  now: number;
}

/** One thread: where it hangs (a click goes there), its messages, a reply box, resolve or reopen. */
export function ThreadCard({ thread, anchor, onJump, unread, me, names, now }: ThreadCardProps) {
  const { session, canEdit } = useSession();
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const hasUnread = thread.messages.some((m) => unread.has(m.id));
  const writable = canEdit && me !== null;

  const send = () => {
    const text = draft.trim();
    if (!text || !me) return;
    reply(session.doc, thread.id, { id: newId(), author: me, text, at: new Date().toISOString() });
    setDraft("");
  };
  const saveEdit = () => {
    if (!editing || !me) return;
    const text = editing.text.trim();
    if (text) editMessage(session.doc, thread.id, editing.id, text, me, new Date().toISOString());
    setEditing(null);
  };

  return (
    <li
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved}
      data-unread={hasUnread}
      className={`space-y-2 rounded-lg border p-3 ${thread.resolved ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white"} ${hasUnread ? "ring-2 ring-indigo-300" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <button type="button" onClick={onJump} disabled={anchor.detached} data-testid="comment-anchor" className="min-w-0 text-left text-xs font-semibold text-indigo-700 hover:underline disabled:text-slate-500 disabled:no-underline">
          {hasUnread && <span className="mr-1.5 inline-block size-2 rounded-full bg-indigo-600" aria-label="Unread" data-testid="comment-unread" />}
          {anchor.label}
        </button>
        {thread.resolved ? (
          <span className="flex shrink-0 items-center gap-1 text-xs text-emerald-700">
            <CheckCircle2 className="size-3.5" aria-hidden /> Resolved
          </span>
        ) : (
          <span className="flex shrink-0 items-center gap-1 text-xs text-amber-700">
            <CircleDot className="size-3.5" aria-hidden /> Open
          </span>
        )}
      </div>
      <ol className="space-y-2">
        {thread.messages.map((m) => {
          const mine = me !== null && m.author.name === me.name;
          return (
            <li key={m.id} data-testid="comment-message" data-message-id={m.id} className={`rounded-md px-2 py-1.5 ${unread.has(m.id) ? "bg-indigo-50" : ""}`}>
              <p className="flex items-baseline gap-1.5 text-xs text-slate-500">
                <span className="font-semibold text-slate-800">{m.author.name}</span>
                {m.author.function && <span>{m.author.function}</span>}
                <time dateTime={m.at} title={fullTime(m.at)}>
                  · {timeAgo(m.at, now)}
                </time>
              </p>
              {editing?.id === m.id ? (
                <div className="mt-1 space-y-1">
                  <MentionTextarea value={editing.text} onChange={(text) => setEditing({ id: m.id, text })} onSubmit={saveEdit} names={names} placeholder="Edit your message" testId="comment-edit-input" label="Edit your message" autoFocus />
                  <div className="flex gap-2 text-xs">
                    <button type="button" onClick={saveEdit} className="font-medium text-indigo-700">
                      Save
                    </button>
                    <button type="button" onClick={() => setEditing(null)} className="text-slate-600">
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <p className="text-sm break-words whitespace-pre-wrap text-slate-900">
                  <MessageText text={m.text} names={names} me={me?.name ?? null} />
                </p>
              )}
              {mine && writable && editing?.id !== m.id && (
                <div className="mt-1 flex gap-3 text-xs text-slate-500">
                  <button type="button" data-testid="comment-edit" onClick={() => setEditing({ id: m.id, text: m.text })} className="flex items-center gap-1 hover:text-slate-800">
                    <Pencil className="size-3" aria-hidden /> Edit
                  </button>
                  <button type="button" data-testid="comment-delete" onClick={() => deleteMessage(session.doc, thread.id, m.id, me)} className="flex items-center gap-1 hover:text-rose-700">
                    <Trash2 className="size-3" aria-hidden /> Delete
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {writable && (
        <div className="space-y-1.5">
          <MentionTextarea value={draft} onChange={setDraft} onSubmit={send} names={names} placeholder="Reply… (@ to mention)" testId="comment-reply-input" label={`Reply to the thread on ${anchor.label}`} />
          <div className="flex justify-between">
            <button type="button" onClick={send} disabled={!draft.trim()} data-testid="comment-reply" className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white disabled:opacity-50">
              Reply
            </button>
            {thread.resolved ? (
              <button type="button" onClick={() => setResolved(session.doc, thread.id, false)} data-testid="comment-reopen" className="flex items-center gap-1 text-xs font-medium text-slate-700 hover:text-slate-900">
                <RotateCcw className="size-3.5" aria-hidden /> Reopen
              </button>
            ) : (
              <button type="button" onClick={() => setResolved(session.doc, thread.id, true)} data-testid="comment-resolve" className="flex items-center gap-1 text-xs font-medium text-emerald-700 hover:text-emerald-900">
                <CheckCircle2 className="size-3.5" aria-hidden /> Resolve
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
