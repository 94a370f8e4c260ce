import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addPlayer, convertNoteToPlayer, deletePlayers, readBoard, writeBoard } from "./boardDoc";
import { addNote, deleteMessage, editMessage, readThreads, reply, setResolved, startThread } from "./discussionDoc";
import { createUndo } from "./undo";
import { anchorOf, openThreadCounts } from "../valuechain/discussion";
import { makePlayer, type CommentMessage } from "../valuechain/model";

const ada = { name: "Ada", function: "Sales" };
const ben = { name: "Ben", function: "Finance" };
const msg = (id: string, author = ada, text = `message ${id}`): CommentMessage => ({ id, author, text, at: "2026-11-28T10:00:00.000Z" });

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "remote");
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), "remote");
}

function withDealer(): Y.Doc {
  const doc = new Y.Doc();
  addPlayer(doc, makePlayer({ id: "dealer", name: "Dealer", kind: "retailer" }));
  return doc;
}

describe("comment threads in the document", () => {
  it("starts a thread on a player, takes replies, resolves and reopens", () => {
    const doc = withDealer();
    startThread(doc, { id: "t1", target: { player: "dealer" }, message: msg("m1") });
    expect(openThreadCounts(readThreads(doc))).toEqual(new Map([["dealer", 1]]));
    reply(doc, "t1", msg("m2", ben));
    setResolved(doc, "t1", true);
    expect(readThreads(doc)[0]).toMatchObject({ resolved: true, messages: [{ id: "m1" }, { id: "m2", author: ben }] });
    expect(openThreadCounts(readThreads(doc)).size).toBe(0);
    // A reply reopens a resolved thread: the conversation is not over.
    reply(doc, "t1", msg("m3", ben));
    expect(readThreads(doc)[0].resolved).toBe(false);
  });

  it("keeps both replies written at the same moment in two browsers", () => {
    const a = withDealer();
    const b = new Y.Doc();
    startThread(a, { id: "t1", target: { player: "dealer" }, message: msg("m1") });
    sync(a, b);
    reply(a, "t1", msg("ra", ada));
    reply(b, "t1", msg("rb", ben));
    sync(a, b);
    const ids = (doc: Y.Doc) => readThreads(doc)[0].messages.map((m) => m.id);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).sort()).toEqual(["m1", "ra", "rb"]);
  });

  it("lets only the author edit or delete a message, and drops the thread with its last message", () => {
    const doc = withDealer();
    startThread(doc, { id: "t1", target: { channel: "c9" }, message: msg("m1", ada) });
    reply(doc, "t1", msg("m2", ben));
    expect(editMessage(doc, "t1", "m1", "changed", ben, "2026-11-28T11:00:00.000Z")).toBe(false);
    expect(editMessage(doc, "t1", "m1", "changed", ada, "2026-11-28T11:00:00.000Z")).toBe(true);
    expect(readThreads(doc)[0].messages[0].text).toBe("changed");
    expect(deleteMessage(doc, "t1", "m2", ada)).toBe(false);
    expect(deleteMessage(doc, "t1", "m2", ben)).toBe(true);
    expect(deleteMessage(doc, "t1", "m1", ada)).toBe(true);
    expect(readThreads(doc)).toEqual([]);
  });

  it("keeps a thread whose player is deleted, as detached", () => {
    const doc = withDealer();
    startThread(doc, { id: "t1", target: { player: "dealer" }, message: msg("m1") });
    startThread(doc, { id: "t2", target: { x: 10, y: 20 }, message: msg("m2") });
    deletePlayers(doc, ["dealer"]);
    const board = readBoard(doc);
    expect(board.comments?.map((t) => [t.id, anchorOf(t, board).detached])).toEqual([
      ["t1", true],
      ["t2", false],
    ]);
  });

  it("reads past junk another client wrote, instead of failing", () => {
    const doc = withDealer();
    const junk = new Y.Map<unknown>();
    junk.set("target", "nowhere");
    doc.getMap("comments").set("bad", junk);
    doc.getMap("notes").set("n", new Y.Map());
    expect(readThreads(doc)).toEqual([]);
    expect(readBoard(doc).notes).toEqual([{ id: "n", text: "", color: "yellow", x: 0, y: 0 }]);
  });
});

describe("sticky notes", () => {
  it("turns a note into a player in one undoable step", () => {
    const doc = new Y.Doc();
    const undo = createUndo(doc);
    addNote(doc, { id: "n1", text: "Kitchen studios\nsell to homeowners, maybe 10%", color: "pink", x: 40, y: 80, author: ada });
    undo.stopCapturing();
    const player = convertNoteToPlayer(doc, "n1", "retailer", "p1");
    expect(player).toMatchObject({ id: "p1", name: "Kitchen studios", kind: "retailer", x: 40, y: 80, notes: "sell to homeowners, maybe 10%" });
    expect(readBoard(doc)).toMatchObject({ players: [{ id: "p1" }] });
    expect(readBoard(doc).notes).toBeUndefined();
    undo.undo();
    const back = readBoard(doc);
    expect(back.players).toEqual([]);
    expect(back.notes).toEqual([{ id: "n1", text: "Kitchen studios\nsell to homeowners, maybe 10%", color: "pink", x: 40, y: 80, author: ada }]);
    undo.redo();
    expect(readBoard(doc).players.map((p) => p.id)).toEqual(["p1"]);
  });

  it("converts nothing when someone else already did", () => {
    const doc = new Y.Doc();
    expect(convertNoteToPlayer(doc, "gone", "retailer", "p1")).toBeNull();
  });

  it("round-trips notes, frames and threads through writeBoard and readBoard", () => {
    const doc = new Y.Doc();
    const board = {
      title: "T",
      players: [makePlayer({ id: "p", name: "P", kind: "retailer" as const })],
      channels: [],
      notes: [{ id: "n", text: "idea", color: "#ff00aa", x: 1, y: 2 }],
      frames: [{ id: "f", title: "Export markets", x: 0, y: 0, width: 500, height: 300 }],
      comments: [{ id: "t", target: { player: "p" }, resolved: true, messages: [msg("m")] }],
    };
    writeBoard(doc, board);
    expect(readBoard(doc)).toEqual(board);
  });
});
