import { describe, expect, it } from "vitest";
import { parseBoardFile, toBoardFile } from "./schema";

const file = {
  format: "chainboard/v1",
  title: "With a discussion",
  players: [{ id: "p1", name: "Dealer", kind: "retailer" }],
  channels: [],
  notes: [{ id: "n1", text: "Kitchen studios?", color: "yellow", x: 10, y: 20, author: { name: "Ada", function: "Sales" } }],
  frames: [{ id: "f1", title: "Export markets", x: -50, y: -50, width: 600, height: 400 }],
  comments: [
    {
      id: "t1",
      target: { player: "p1" },
      resolved: false,
      messages: [
        { id: "m1", author: { name: "Ada", function: "Sales" }, text: "Is the dealer a customer?", at: "2026-11-28T09:00:00Z" },
        { id: "m2", author: { name: "Ben" }, text: "@Ada yes, since 2024", at: "2026-11-28T09:05:00.000+01:00" },
      ],
    },
    { id: "t2", target: { x: 5, y: 5 }, resolved: true, messages: [{ id: "m3", author: { name: "Cleo" }, text: "Done", at: "2026-11-28T10:00:00Z" }] },
    { id: "t3", target: { channel: "gone" }, resolved: false, messages: [{ id: "m4", author: { name: "Cleo" }, text: "Detached", at: "2026-11-28T10:00:00Z" }] },
  ],
};

function refused(change: (f: Record<string, any>) => void): { path: string; message: string } {
  const copy = structuredClone(file) as Record<string, any>;
  change(copy);
  const result = parseBoardFile(copy);
  if (result.ok) throw new Error("the file was accepted");
  return { path: result.error.path, message: result.error.message };
}

describe("chainboard/v1 notes, frames and comments", () => {
  it("round-trips every array unchanged", () => {
    const parsed = parseBoardFile(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const out = toBoardFile(parsed.board);
    expect(out.notes).toEqual(file.notes);
    expect(out.frames).toEqual(file.frames);
    expect(out.comments).toEqual(file.comments);
    expect(parseBoardFile(JSON.parse(JSON.stringify(out)))).toEqual(parsed);
  });

  it("keeps files without them valid, and writes none when there are none", () => {
    const { notes: _n, frames: _f, comments: _c, ...plain } = file;
    const parsed = parseBoardFile(plain);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.keys(toBoardFile(parsed.board)).sort()).toEqual(["channels", "format", "players", "title"]);
  });

  it.each([
    ["notes[0].color", (f: Record<string, any>) => (f.notes[0].color = "red; background:url(x)")],
    ["notes[0].x", (f: Record<string, any>) => (f.notes[0].x = "10")],
    ["notes[0].shape", (f: Record<string, any>) => (f.notes[0].shape = "star")],
    ["notes[0].author.name", (f: Record<string, any>) => (f.notes[0].author.name = "")],
    ["notes[1].id", (f: Record<string, any>) => f.notes.push({ ...f.notes[0] })],
    ["frames[0].width", (f: Record<string, any>) => (f.frames[0].width = 0)],
    ["frames[0].title", (f: Record<string, any>) => delete f.frames[0].title],
    ["comments[0].target", (f: Record<string, any>) => (f.comments[0].target = { player: "p1", channel: "c1" })],
    ["comments[0].resolved", (f: Record<string, any>) => (f.comments[0].resolved = "no")],
    ["comments[0].messages", (f: Record<string, any>) => (f.comments[0].messages = [])],
    ["comments[0].messages[1].at", (f: Record<string, any>) => (f.comments[0].messages[1].at = "yesterday")],
    ["comments[0].messages[0].author", (f: Record<string, any>) => delete f.comments[0].messages[0].author],
    ["comments[0].messages[1].id", (f: Record<string, any>) => (f.comments[0].messages[1].id = "m1")],
    ["comments[1].id", (f: Record<string, any>) => (f.comments[1].id = "t1")],
  ])("refuses a malformed %s, naming the path", (path, change) => {
    const error = refused(change);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });
});
