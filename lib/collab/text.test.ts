import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addPlayer, locateTextField, playersOf, readBoard, setTitle, updatePlayer, writeBoard } from "./boardDoc";
import { applyEdit, ensureText, readText, textEdit, writeText } from "./text";
import { mergeOnto } from "./textMerge";
import { makePlayer } from "../valuechain/model";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "remote");
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), "remote");
}

/** Applies the edit that turns `before` into `after` as the binding does. */
function type(doc: Y.Doc, text: Y.Text, after: string, caret?: number) {
  const edit = textEdit(text.toString(), after, caret);
  if (edit) doc.transact(() => applyEdit(text, edit));
}

describe("free-text fields (R-TEXT)", () => {
  it("reads a plain string and a Y.Text alike, and anything else as the fallback", () => {
    expect(readText("Dealer")).toBe("Dealer");
    const doc = new Y.Doc();
    const t = doc.getText("t");
    t.insert(0, "Installer");
    expect(readText(t)).toBe("Installer");
    expect(readText(42, "none")).toBe("none");
    expect(readText(undefined)).toBe("");
  });

  it("finds the one edit between two texts, placed at the caret when letters repeat", () => {
    expect(textEdit("abc", "abc")).toBeNull();
    expect(textEdit("aa", "aaa", 2)).toEqual({ index: 1, remove: 0, insert: "a" });
    expect(textEdit("aa", "aaa")).toEqual({ index: 2, remove: 0, insert: "a" });
    expect(textEdit("aaa", "aa", 1)).toEqual({ index: 1, remove: 1, insert: "" });
    expect(textEdit("Logistics partner", "BBB Logistics partner", 4)).toEqual({ index: 0, remove: 0, insert: "BBB " });
    expect(textEdit("hello world", "hello there", 11)).toEqual({ index: 6, remove: 5, insert: "there" });
  });

  it("never splits an emoji in two", () => {
    const edit = textEdit("a😀b", "a😃b")!;
    expect(edit.index).toBe(1);
    expect(edit.insert).toBe("😃");
    expect(edit.remove).toBe(2);
  });

  it("writes new boards with Y.Text fields that round-trip to the same plain board", () => {
    const doc = new Y.Doc();
    writeBoard(doc, { title: "T", players: [makePlayer({ id: "p1", name: "Us", kind: "manufacturer", why: "w", notes: "n" })], channels: [] });
    const p = playersOf(doc).get("p1")!;
    for (const f of ["name", "why", "notes"]) expect(p.get(f)).toBeInstanceOf(Y.Text);
    expect(doc.getMap("meta").get("title")).toBeInstanceOf(Y.Text);
    expect(readBoard(doc).players[0]).toMatchObject({ name: "Us", why: "w", notes: "n" });
  });

  it("merges two people typing at the start and at the end of the same name character by character", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addPlayer(a, makePlayer({ id: "p1", name: "Logistics partner", kind: "distributor" }));
    sync(a, b);
    const ta = locateTextField(a, { kind: "player", id: "p1", field: "name" })!;
    const tb = locateTextField(b, { kind: "player", id: "p1", field: "name" })!;
    const textA = ta.map.get(ta.key) as Y.Text;
    const textB = tb.map.get(tb.key) as Y.Text;
    let sa = textA.toString();
    let sb = textB.toString();
    for (const ch of " AAA") type(a, textA, (sa += ch), sa.length);
    for (const [i, ch] of [..."BBB "].entries()) {
      sb = sb.slice(0, i) + ch + sb.slice(i);
      type(b, textB, sb, i + 1);
    }
    sync(a, b);
    expect(readBoard(a).players[0].name).toBe("BBB Logistics partner AAA");
    expect(readBoard(b).players[0].name).toBe("BBB Logistics partner AAA");
  });

  it("edits an existing Y.Text by the smallest change, so a concurrent insert elsewhere survives a programmatic write", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addPlayer(a, makePlayer({ id: "p1", name: "Dealer", kind: "retailer" }));
    sync(a, b);
    updatePlayer(a, "p1", { name: "Dealer network" });
    const tb = playersOf(b).get("p1")!.get("name") as Y.Text;
    tb.insert(0, "Local ");
    sync(a, b);
    expect(readBoard(a).players[0].name).toBe("Local Dealer network");
  });

  it("turns a plain string (a stock client's write) into a Y.Text on the first edit, keeping its text", () => {
    const doc = new Y.Doc();
    doc.getMap("meta").set("title", "Old board");
    const text = ensureText(doc.getMap("meta"), "title");
    expect(text).toBeInstanceOf(Y.Text);
    expect(text.toString()).toBe("Old board");
    setTitle(doc, "Old board, reviewed");
    expect(readBoard(doc).title).toBe("Old board, reviewed");
    expect(doc.getMap("meta").get("title")).toBe(text);
  });

  it("writeText replaces a string by a Y.Text holding the new value", () => {
    const doc = new Y.Doc();
    const m = doc.getMap<unknown>("m");
    m.set("label", "x");
    writeText(m, "label", "project business");
    expect(m.get("label")).toBeInstanceOf(Y.Text);
    expect(readText(m.get("label"))).toBe("project business");
  });

  it("merges text typed against an older value onto the current one (three-way)", () => {
    expect(mergeOnto("partner", "partner AAA", "BBB partner")).toBe("BBB partner AAA");
    expect(mergeOnto("x", "x", "y")).toBe("y");
    expect(mergeOnto("x", "xz", "x")).toBe("xz");
  });
});
