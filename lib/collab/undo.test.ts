import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addChannel, addPlayer, locateTextField, readBoard, updatePlayer } from "./boardDoc";
import { applyEdit, textEdit } from "./text";
import { createUndo } from "./undo";
import { makeChannel, makePlayer } from "../valuechain/model";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "remote");
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), "remote");
}

function nameText(doc: Y.Doc, id: string): Y.Text {
  const at = locateTextField(doc, { kind: "player", id, field: "name" })!;
  return at.map.get(at.key) as Y.Text;
}

function typeAt(doc: Y.Doc, text: Y.Text, index: number, s: string) {
  for (const [i, ch] of [...s].entries()) {
    const before = text.toString();
    const after = before.slice(0, index + i) + ch + before.slice(index + i);
    doc.transact(() => applyEdit(text, textEdit(before, after, index + i + 1)!));
  }
}

describe("undo never harms another person's work (R-UNDO-OWN)", () => {
  it("undoing the creation of a player nobody else touched deletes it", () => {
    const a = new Y.Doc();
    const undo = createUndo(a);
    addPlayer(a, makePlayer({ id: "p1", name: "Dealer", kind: "retailer" }));
    expect(undo.undo()).toEqual([]);
    expect(readBoard(a).players).toEqual([]);
  });

  it("keeps a player whose creation is undone after someone else renamed it, and says who", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const undo = createUndo(a);
    const heard: unknown[] = [];
    undo.onKept((kept) => heard.push(kept));
    addPlayer(a, makePlayer({ id: "p1", name: "Dealer", kind: "retailer", x: 40, y: 80 }));
    sync(a, b);
    updatePlayer(b, "p1", { name: "Dealer network" });
    sync(a, b);
    const kept = undo.undo();
    expect(kept).toEqual([{ kind: "player", id: "p1", by: [b.clientID] }]);
    expect(heard).toEqual([kept]);
    // Kept whole: the fields this person wrote at creation stay too.
    expect(readBoard(a).players).toEqual([expect.objectContaining({ id: "p1", name: "Dealer network", kind: "retailer", x: 40, y: 80 })]);
    sync(a, b);
    expect(readBoard(b)).toEqual(readBoard(a));
  });

  it("keeps a player when someone else typed into its notes, or drew a channel to it", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const undo = createUndo(a);
    addPlayer(a, makePlayer({ id: "p1", name: "Dealer", kind: "retailer" }));
    undo.stopCapturing();
    addPlayer(a, makePlayer({ id: "p2", name: "Installer", kind: "installer" }));
    sync(a, b);
    addPlayer(b, makePlayer({ id: "p3", name: "Homeowner", kind: "end-user" }));
    addChannel(b, makeChannel({ id: "c1", from: "p2", to: "p3" }));
    const notes = locateTextField(b, { kind: "player", id: "p1", field: "notes" })!;
    (notes.map.get(notes.key) as Y.Text).insert(0, "ask Bob");
    sync(a, b);
    // A step left with nothing to do is passed over, so one press reports both.
    expect(undo.undo().map((k) => k.id)).toEqual(["p2", "p1"]);
    expect(undo.canUndo()).toBe(false);
    expect(readBoard(a).players.map((p) => p.id)).toEqual(["p1", "p2", "p3"]);
  });

  it("undo after a typing race removes only this person's characters, and redo puts them back", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addPlayer(a, makePlayer({ id: "p1", name: "Logistics partner", kind: "distributor" }));
    sync(a, b);
    const undo = createUndo(a);
    typeAt(a, nameText(a, "p1"), 17, " AAA");
    typeAt(b, nameText(b, "p1"), 0, "BBB ");
    sync(a, b);
    expect(readBoard(a).players[0].name).toBe("BBB Logistics partner AAA");
    undo.undo();
    expect(readBoard(a).players[0].name).toBe("BBB Logistics partner");
    // Nothing more of A's to undo in the text; the player (created before) stays.
    undo.undo();
    expect(readBoard(a).players[0].name).toBe("BBB Logistics partner");
    undo.redo();
    sync(a, b);
    expect(readBoard(a).players[0].name).toBe("BBB Logistics partner AAA");
    expect(readBoard(b).players[0].name).toBe("BBB Logistics partner AAA");
  });

  it("a field's own edit is undone even when someone else edited another field of the player", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addPlayer(a, makePlayer({ id: "p1", name: "Dealer", kind: "retailer" }));
    sync(a, b);
    const undo = createUndo(a);
    updatePlayer(a, "p1", { kind: "distributor" });
    updatePlayer(b, "p1", { customer: "yes" });
    sync(a, b);
    expect(undo.undo()).toEqual([]);
    expect(readBoard(a).players[0]).toMatchObject({ kind: "retailer", customer: "yes" });
  });
});

describe("undo steps while typing (R-UNDO-OWN)", () => {
  it("end where words end, not after a pause, while typing", async () => {
    const a = new Y.Doc();
    addPlayer(a, makePlayer({ id: "p1", name: "", kind: "retailer" }));
    const undo = createUndo(a);
    undo.typing(true);
    const text = nameText(a, "p1");
    typeAt(a, text, 0, "nor");
    await new Promise((r) => setTimeout(r, 450)); // longer than the usual capture interval
    typeAt(a, text, 3, "th");
    undo.stopCapturing(); // the binding does this at a word's end
    typeAt(a, text, 5, " east");
    undo.typing(false);
    undo.undo();
    expect(readBoard(a).players[0].name).toBe("north");
    undo.undo();
    expect(readBoard(a).players[0].name).toBe("");
  });
});
