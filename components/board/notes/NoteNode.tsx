import { memo, useEffect, useRef, useState } from "react";
import { NodeToolbar, Position, type NodeProps } from "@xyflow/react";
import type { NoteFlowNode } from "@/lib/canvas/discussionNodes";
import { noteFill } from "@/lib/valuechain/discussion";
import { KIND_LABELS } from "@/lib/valuechain/labels";
import { NOTE_COLORS, NOTE_FILLS, NOTE_SIZE, PLAYER_KINDS, type PlayerKind } from "@/lib/valuechain/model";
import { useSession } from "../hooks/useSession";
import { CollabTextarea } from "../text/CollabField";
import { useNoteActions } from "./NoteActions";

/**
 * A sticky note: a square of colour with its text and author, moved and selected like a card.
 * Double-click (or Enter when it has the focus) edits the text; selected, a toolbar offers its colour
 * and "Make it a player".
 */
function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  const { note } = data;
  const { canEdit } = useSession();
  const actions = useNoteActions();
  const [editing, setEditing] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // Focus sits on React Flow's wrapper around the note (Tab, a click): Enter there writes.
  useEffect(() => {
    const wrapper = body.current?.closest<HTMLElement>(".react-flow__node");
    if (!wrapper || !canEdit) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Enter" && event.target === wrapper) {
        event.preventDefault();
        setEditing(true);
      }
    };
    wrapper.addEventListener("keydown", onKeyDown);
    return () => wrapper.removeEventListener("keydown", onKeyDown);
  }, [canEdit]);
  return (
    <>
      {canEdit && (
        <NodeToolbar isVisible={selected === true} position={Position.Top} className="flex items-center gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-md">
          {NOTE_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              title={`${color[0].toUpperCase()}${color.slice(1)}`}
              aria-label={`Colour: ${color}`}
              aria-pressed={note.color === color}
              data-testid={`note-color-${color}`}
              onClick={() => actions.setColor(note.id, color)}
              className="size-6 rounded-full border border-black/10 aria-pressed:ring-2 aria-pressed:ring-indigo-500"
              style={{ background: NOTE_FILLS[color] }}
            />
          ))}
          <label className="ml-1 flex items-center gap-1 text-xs text-slate-600">
            <span className="sr-only">Make this note a player of kind</span>
            <select
              data-testid="note-to-player"
              value=""
              onChange={(event) => event.target.value && actions.toPlayer(note.id, event.target.value as PlayerKind)}
              className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs"
            >
              <option value="">Make it a player…</option>
              {PLAYER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
        </NodeToolbar>
      )}
      <div
        ref={body}
        data-testid="note-node"
        data-note-id={note.id}
        onDoubleClick={() => canEdit && setEditing(true)}
        className={`flex flex-col rounded-sm p-3 text-slate-900 shadow-md ${selected ? "outline-[3px] outline-offset-2 outline-indigo-500" : ""}`}
        style={{ background: noteFill(note.color), width: NOTE_SIZE.width, minHeight: NOTE_SIZE.height }}
      >
        {editing ? (
          // Leaving the field (Tab, a click elsewhere) ends the editing; Escape too.
          <div className="nodrag nowheel" onBlur={() => setEditing(false)} onKeyDown={(event) => event.key === "Escape" && (event.currentTarget.querySelector("textarea")?.blur())}>
            <CollabTextarea
              field={{ kind: "note", id: note.id, field: "text" }}
              value={note.text}
              testId="note-text-input"
              aria-label="Note text"
              autoFocus
              className="min-h-20 w-full border-0 bg-white/60 p-1 text-sm leading-snug"
            />
          </div>
        ) : (
          <p data-testid="note-text" className={`flex-1 text-sm leading-snug break-words whitespace-pre-wrap ${note.text ? "" : "text-slate-700 italic"}`}>
            {note.text || (canEdit ? "Double-click to write" : "Empty note")}
          </p>
        )}
        {note.author && (
          <p className="mt-2 truncate text-[11px] text-slate-600" title={note.author.function ? `${note.author.name}, ${note.author.function}` : note.author.name}>
            {note.author.name}
          </p>
        )}
      </div>
    </>
  );
}

export const NoteNode = memo(NoteNodeView);
