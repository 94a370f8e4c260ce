import { describe, expect, it } from "vitest";
import { mentionsIn, noteFill, playerFromNote, frameHolds } from "./discussion";

describe("discussion helpers", () => {
  it("finds mentions of known names, spaces included, not prefixes of longer words", () => {
    expect(mentionsIn("@Ada Lovelace and @ben, please look", ["Ada Lovelace", "Ben", "Cleo"])).toEqual(["Ada Lovelace", "Ben"]);
    expect(mentionsIn("@Benjamin agrees", ["Ben"])).toEqual([]);
    expect(mentionsIn("no one", ["Ben"])).toEqual([]);
  });

  it("makes the first line of a note the name and the rest the notes", () => {
    const note = { id: "n", text: "  Architects \n specify our profiles\nin tenders ", color: "yellow", x: 5, y: 6 };
    expect(playerFromNote(note, "specifier", "p")).toEqual({ id: "p", name: "Architects", kind: "specifier", x: 5, y: 6, notes: "specify our profiles\nin tenders" });
    const long = playerFromNote({ ...note, text: "x".repeat(210) }, "other", "q");
    expect([long.name.length, long.notes]).toEqual([200, "x".repeat(10)]);
  });

  it("colours notes by name or hex, and falls back for anything else", () => {
    expect(noteFill("pink")).toBe("#fbcfe8");
    expect(noteFill("#abc")).toBe("#abc");
    expect(noteFill("url(javascript:x)")).toBe("#fef08a");
  });

  it("says whether a frame holds a point", () => {
    const frame = { id: "f", title: "", x: 0, y: 0, width: 100, height: 50 };
    expect([frameHolds(frame, { x: 50, y: 25 }), frameHolds(frame, { x: 150, y: 25 })]).toEqual([true, false]);
  });
});

import { mentionAt, suggestNames } from "./discussion";

describe("typing a mention", () => {
  it("finds the @word at the caret, not inside an address or across lines", () => {
    expect(mentionAt("Ask @Ad", 7)).toEqual({ start: 4, query: "Ad" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("mail ada@example.com", 20)).toBeNull();
    expect(mentionAt("@Ada\nand", 8)).toBeNull();
    expect(mentionAt("no mention", 10)).toBeNull();
  });

  it("suggests names that start with the query first, then those containing it", () => {
    expect(suggestNames("al", ["Bob", "Alice", "Malik", "alan", "Alice"])).toEqual(["Alice", "alan", "Malik"]);
    expect(suggestNames("", ["B", "A"], 1)).toEqual(["B"]);
  });
});
