import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { channelsOf, metaOf, playersOf, readBoard } from "./boardDoc";
import { applyEdit, ensureText, textEdit } from "./text";
import { watchReplacedTexts } from "./textRescue";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "remote");
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), "remote");
}

const watch = (doc: Y.Doc) => watchReplacedTexts([metaOf(doc), playersOf(doc) as Y.Map<unknown>, channelsOf(doc) as Y.Map<unknown>]);
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A player written by a stock client: every field a plain string. */
function stockPlayer(doc: Y.Doc, id: string, name: string) {
  const m = new Y.Map<unknown>();
  m.set("name", name);
  m.set("kind", "distributor");
  playersOf(doc).set(id, m as Y.Map<unknown>);
}

function typeInto(doc: Y.Doc, map: Y.Map<unknown>, key: string, after: (s: string) => string) {
  const text = ensureText(map, key);
  const edit = textEdit(text.toString(), after(text.toString()));
  if (edit) doc.transact(() => applyEdit(text, edit));
}

describe("two people turning the same plain string into collaborative text at once (R-TEXT)", () => {
  it("keeps the typing of both, whichever Y.Text wins the merge", async () => {
    for (let round = 0; round < 20; round++) {
      const a = new Y.Doc();
      const b = new Y.Doc();
      const stops = [watch(a), watch(b)];
      stockPlayer(a, "p1", "Logistics partner");
      sync(a, b);
      typeInto(a, playersOf(a).get("p1") as Y.Map<unknown>, "name", (s) => `${s} AAA`);
      typeInto(b, playersOf(b).get("p1") as Y.Map<unknown>, "name", (s) => `BBB ${s}`);
      sync(a, b);
      await settle();
      sync(a, b);
      await settle();
      sync(a, b);
      expect(readBoard(a).players[0].name).toBe("BBB Logistics partner AAA");
      expect(readBoard(b).players[0].name).toBe("BBB Logistics partner AAA");
      stops.forEach((stop) => stop());
    }
  });

  it("rescues typing in the title the same way", async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    watch(a);
    watch(b);
    metaOf(a).set("title", "Review");
    sync(a, b);
    typeInto(a, metaOf(a), "title", (s) => `${s} FY27`);
    typeInto(b, metaOf(b), "title", (s) => `Sales ${s}`);
    sync(a, b);
    await settle();
    sync(a, b);
    expect(readBoard(a).title).toBe("Sales Review FY27");
    expect(readBoard(b).title).toBe("Sales Review FY27");
  });

  it("carries typing over when a stock client overwrites the field with a plain string meanwhile", async () => {
    const a = new Y.Doc();
    const stock = new Y.Doc();
    watch(a);
    stockPlayer(a, "p1", "Dealer");
    sync(a, stock);
    typeInto(a, playersOf(a).get("p1") as Y.Map<unknown>, "name", (s) => `${s}s`);
    // The stock client's id must sort so that its write wins the merge.
    (playersOf(stock).get("p1") as Y.Map<unknown>).set("name", "Dealer network");
    sync(a, stock);
    await settle();
    sync(a, stock);
    const name = readBoard(a).players[0].name;
    expect(readBoard(stock).players[0].name).toBe(name);
    // Either a's typing won outright, or it was merged onto the stock client's value.
    expect(["Dealers", "Dealers network"]).toContain(name);
  });
});
