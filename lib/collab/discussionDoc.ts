/**
 * Sticky notes, frames and comment threads in the board document:
 *   notes:    id → Y.Map { text: Y.Text, color, x, y, author?: { name, function? } }
 *   frames:   id → Y.Map { title: Y.Text, x, y, width, height }
 *   comments: id → Y.Map { target: { player } | { channel } | { x, y }, resolved,
 *                          messages: Y.Array<Y.Map { id, author, text, at, edited? }> }
 * Replies are appended to a Y.Array, so two people replying at once both keep their message;
 * a message is a Y.Map so its author can edit it while others reply. As everywhere in the
 * document, reading coerces every field and drops what cannot be read.
 */
import * as Y from "yjs";
import {
  DEFAULT_NOTE_COLOR,
  type Author,
  type CommentMessage,
  type CommentTarget,
  type CommentThread,
  type Frame,
  type Note,
} from "../valuechain/model";
import { readText } from "./text";

export const notesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("notes");
export const framesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("frames");
export const commentsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("comments");

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const num = (v: unknown, fallback = 0) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function readAuthor(v: unknown): Author | undefined {
  if (!isRecord(v) || typeof v.name !== "string" || !v.name) return undefined;
  return typeof v.function === "string" ? { name: v.name, function: v.function } : { name: v.name };
}

function readTarget(v: unknown): CommentTarget | null {
  if (!isRecord(v)) return null;
  if (typeof v.player === "string") return { player: v.player };
  if (typeof v.channel === "string") return { channel: v.channel };
  if (typeof v.x === "number" && typeof v.y === "number" && Number.isFinite(v.x) && Number.isFinite(v.y)) return { x: v.x, y: v.y };
  return null;
}

export function readNote(id: string, m: Y.Map<unknown>): Note {
  const color = m.get("color");
  const note: Note = { id, text: readText(m.get("text")), color: typeof color === "string" && color ? color : DEFAULT_NOTE_COLOR, x: num(m.get("x")), y: num(m.get("y")) };
  const author = readAuthor(m.get("author"));
  if (author) note.author = author;
  return note;
}

export function readFrame(id: string, m: Y.Map<unknown>): Frame {
  return { id, title: readText(m.get("title")), x: num(m.get("x")), y: num(m.get("y")), width: Math.max(1, num(m.get("width"), 400)), height: Math.max(1, num(m.get("height"), 300)) };
}

function readMessage(m: unknown): (CommentMessage & { edited?: string }) | null {
  if (!(m instanceof Y.Map)) return null;
  const id = m.get("id");
  const author = readAuthor(m.get("author"));
  const at = m.get("at");
  if (typeof id !== "string" || !author || typeof at !== "string") return null;
  const message: CommentMessage & { edited?: string } = { id, author, text: readText(m.get("text")), at };
  const edited = m.get("edited");
  if (typeof edited === "string") message.edited = edited;
  return message;
}

export function readThread(id: string, m: Y.Map<unknown>): CommentThread | null {
  const target = readTarget(m.get("target"));
  const list = m.get("messages");
  if (!target || !(list instanceof Y.Array)) return null;
  const messages = list.toArray().map(readMessage).filter((x): x is CommentMessage => x !== null);
  // A thread whose every message was deleted is gone, even before its map is.
  if (!messages.length) return null;
  return { id, target, resolved: m.get("resolved") === true, messages };
}

function readAll<T>(map: Y.Map<Y.Map<unknown>>, read: (id: string, m: Y.Map<unknown>) => T | null): T[] {
  const out: T[] = [];
  map.forEach((m, id) => {
    if (m instanceof Y.Map) {
      const item = read(id, m);
      if (item) out.push(item);
    }
  });
  return out;
}

export const readNotes = (doc: Y.Doc) => readAll(notesOf(doc), readNote).sort(byId);
export const readFrames = (doc: Y.Doc) => readAll(framesOf(doc), readFrame).sort(byId);
export const readThreads = (doc: Y.Doc) => readAll(commentsOf(doc), readThread).sort(byId);

/** Notes, frames and threads of the document, each only when there are some (as in the file). */
export function readDiscussion(doc: Y.Doc): { notes?: Note[]; frames?: Frame[]; comments?: CommentThread[] } {
  const out: { notes?: Note[]; frames?: Frame[]; comments?: CommentThread[] } = {};
  const notes = readNotes(doc);
  const frames = readFrames(doc);
  const comments = readThreads(doc);
  if (notes.length) out.notes = notes;
  if (frames.length) out.frames = frames;
  if (comments.length) out.comments = comments;
  return out;
}

function noteToY(note: Note): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set("text", new Y.Text(note.text));
  m.set("color", note.color);
  m.set("x", note.x);
  m.set("y", note.y);
  if (note.author) m.set("author", { ...note.author });
  return m;
}

function frameToY(frame: Frame): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set("title", new Y.Text(frame.title));
  for (const key of ["x", "y", "width", "height"] as const) m.set(key, frame[key]);
  return m;
}

function messageToY(message: CommentMessage): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set("id", message.id);
  m.set("author", { ...message.author });
  m.set("text", message.text);
  m.set("at", message.at);
  return m;
}

function threadToY(thread: CommentThread): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set("target", { ...thread.target });
  m.set("resolved", thread.resolved);
  const list = new Y.Array<Y.Map<unknown>>();
  list.push(thread.messages.map(messageToY));
  m.set("messages", list);
  return m;
}

/** Replaces notes, frames and threads (part of writeBoard: imports, templates, restores). */
export function writeDiscussion(doc: Y.Doc, board: { notes?: Note[]; frames?: Frame[]; comments?: CommentThread[] }): void {
  const maps = [
    [notesOf(doc), board.notes ?? [], noteToY],
    [framesOf(doc), board.frames ?? [], frameToY],
    [commentsOf(doc), board.comments ?? [], threadToY],
  ] as const;
  for (const [map, items, toY] of maps) {
    for (const id of [...map.keys()]) map.delete(id);
    for (const item of items) map.set(item.id, (toY as (i: typeof item) => Y.Map<unknown>)(item));
  }
}

export function addNote(doc: Y.Doc, note: Note): void {
  doc.transact(() => notesOf(doc).set(note.id, noteToY(note)));
}

export function setNoteColor(doc: Y.Doc, id: string, color: string): void {
  doc.transact(() => notesOf(doc).get(id)?.set("color", color));
}

export function addFrame(doc: Y.Doc, frame: Frame): void {
  doc.transact(() => framesOf(doc).set(frame.id, frameToY(frame)));
}

export function resizeFrame(doc: Y.Doc, id: string, size: { x: number; y: number; width: number; height: number }): void {
  doc.transact(() => {
    const m = framesOf(doc).get(id);
    if (m) for (const [k, v] of Object.entries(size)) m.set(k, v);
  });
}

/** Moves notes and frames (players move through boardDoc.movePlayers). */
export function moveItems(doc: Y.Doc, moves: { id: string; x: number; y: number }[]): void {
  doc.transact(() => {
    for (const { id, x, y } of moves) {
      const m = notesOf(doc).get(id) ?? framesOf(doc).get(id);
      if (!m) continue;
      m.set("x", x);
      m.set("y", y);
    }
  });
}

export function deleteItems(doc: Y.Doc, ids: readonly string[]): void {
  doc.transact(() => {
    for (const id of ids) {
      notesOf(doc).delete(id);
      framesOf(doc).delete(id);
    }
  });
}

export function startThread(doc: Y.Doc, thread: { id: string; target: CommentTarget; message: CommentMessage }): void {
  doc.transact(() => commentsOf(doc).set(thread.id, threadToY({ id: thread.id, target: thread.target, resolved: false, messages: [thread.message] })));
}

function messagesOf(doc: Y.Doc, threadId: string): Y.Array<Y.Map<unknown>> | null {
  const list = commentsOf(doc).get(threadId)?.get("messages");
  return list instanceof Y.Array ? (list as Y.Array<Y.Map<unknown>>) : null;
}

/** Appends a reply; a reply to a resolved thread reopens it, as in every comment tool. */
export function reply(doc: Y.Doc, threadId: string, message: CommentMessage): boolean {
  const list = messagesOf(doc, threadId);
  if (!list) return false;
  doc.transact(() => {
    list.push([messageToY(message)]);
    commentsOf(doc).get(threadId)?.set("resolved", false);
  });
  return true;
}

function findMessage(list: Y.Array<Y.Map<unknown>>, messageId: string): { index: number; m: Y.Map<unknown> } | null {
  const index = list.toArray().findIndex((m) => m instanceof Y.Map && m.get("id") === messageId);
  return index < 0 ? null : { index, m: list.get(index) };
}

const sameAuthor = (m: Y.Map<unknown>, who: Author) => readAuthor(m.get("author"))?.name === who.name;

/** Edits a message; only its author may (by name, as presence knows people). */
export function editMessage(doc: Y.Doc, threadId: string, messageId: string, text: string, by: Author, at: string): boolean {
  const list = messagesOf(doc, threadId);
  const found = list && findMessage(list, messageId);
  if (!found || !sameAuthor(found.m, by)) return false;
  doc.transact(() => {
    found.m.set("text", text);
    found.m.set("edited", at);
  });
  return true;
}

/** Deletes a message of one's own; the thread goes with its last message. */
export function deleteMessage(doc: Y.Doc, threadId: string, messageId: string, by: Author): boolean {
  const list = messagesOf(doc, threadId);
  const found = list && findMessage(list, messageId);
  if (!list || !found || !sameAuthor(found.m, by)) return false;
  doc.transact(() => {
    list.delete(found.index, 1);
    if (list.length === 0) commentsOf(doc).delete(threadId);
  });
  return true;
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean): void {
  doc.transact(() => commentsOf(doc).get(threadId)?.set("resolved", resolved));
}
