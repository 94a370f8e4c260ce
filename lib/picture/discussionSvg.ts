/** Frames and sticky notes in a picture, drawn as on the canvas (frames/FrameNode.tsx, notes/NoteNode.tsx). */
import { noteFill } from "../valuechain/discussion";
import { NOTE_SIZE, type Frame, type Note } from "../valuechain/model";
import { TW } from "./colors";
import { escapeXml as esc, fitText, wrapText } from "./svgText";

const NOTE_PAD = 12;
const NOTE_LINE = 18;

/** A note's height: its text wrapped in the note's width, and the author's line. */
export function noteLayout(note: Note): { lines: string[]; height: number } {
  const lines = note.text.split(/\r?\n/).flatMap((paragraph) => (paragraph.trim() ? wrapText(paragraph, NOTE_SIZE.width - 2 * NOTE_PAD, 14, 8) : [""])).slice(0, 12);
  const height = Math.max(NOTE_SIZE.height, 2 * NOTE_PAD + lines.length * NOTE_LINE + (note.author ? 24 : 0));
  return { lines, height };
}

export function renderFrame(frame: Frame): string {
  return (
    `<g class="frame" data-id="${esc(frame.id)}" transform="translate(${frame.x},${frame.y})">` +
    `<rect width="${frame.width}" height="${frame.height}" rx="12" fill="${TW.slate50}" fill-opacity="0.7" stroke="#cbd5e1" stroke-width="2"/>` +
    `<text x="8" y="-10" font-size="14" font-weight="600" fill="${TW.slate700}">${esc(fitText(frame.title || "Untitled frame", frame.width - 16, 14, true))}</text>` +
    "</g>"
  );
}

export function renderNote(note: Note): string {
  const { lines, height } = noteLayout(note);
  const text = lines.map((line, i) => `<text x="${NOTE_PAD}" y="${NOTE_PAD + 14 + i * NOTE_LINE}" font-size="14" fill="${TW.slate900}">${esc(line)}</text>`).join("");
  const author = note.author ? `<text x="${NOTE_PAD}" y="${height - NOTE_PAD}" font-size="11" fill="${TW.slate600}">${esc(fitText(note.author.name, NOTE_SIZE.width - 2 * NOTE_PAD, 11))}</text>` : "";
  return (
    `<g class="note" data-id="${esc(note.id)}" transform="translate(${note.x},${note.y})">` +
    `<rect width="${NOTE_SIZE.width}" height="${height}" rx="2" fill="${noteFill(note.color)}" stroke="#00000014"/>` +
    text +
    author +
    "</g>"
  );
}
