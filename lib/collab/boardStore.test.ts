import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addChannel, addPlayer, deletePlayers, movePlayers, readBoard, updatePlayer, setTitle } from "./boardDoc";
import { BoardStore } from "./boardStore";
import { makeChannel, makePlayer } from "../valuechain/model";

/** Remote changes are read on the next frame; tests run that frame by hand. */
function manualStore(doc: Y.Doc) {
  let pending: (() => void) | null = null;
  const store = new BoardStore(doc, (flush) => {
    pending = flush;
    return () => (pending = null);
  });
  return { store, frame: () => pending?.() };
}

function seed(doc: Y.Doc) {
  addPlayer(doc, makePlayer({ id: "p1", name: "Us", kind: "manufacturer", isUs: true }));
  addPlayer(doc, makePlayer({ id: "p2", name: "Dealer", kind: "retailer", x: 300 }));
  addChannel(doc, makeChannel({ id: "c1", from: "p1", to: "p2" }));
}

describe("the incremental board store", () => {
  it("always equals a full read of the document", () => {
    const doc = new Y.Doc();
    seed(doc);
    const { store } = manualStore(doc);
    expect(store.get().board).toEqual(readBoard(doc));
    updatePlayer(doc, "p2", { name: "Dealer network", customer: "yes" });
    addPlayer(doc, makePlayer({ id: "p0", name: "Supplier", kind: "supplier" }));
    setTitle(doc, "FY27");
    deletePlayers(doc, ["p1"]);
    expect(store.get().board).toEqual(readBoard(doc));
  });

  it("keeps every player and channel object that did not change", () => {
    const doc = new Y.Doc();
    seed(doc);
    const { store } = manualStore(doc);
    const before = store.get().board;
    updatePlayer(doc, "p2", { why: "buys from us" });
    const after = store.get().board;
    expect(after.players[0]).toBe(before.players[0]);
    expect(after.players[1]).not.toBe(before.players[1]);
    expect(after.channels).toBe(before.channels);
  });

  it("tells a move apart from a change of content", () => {
    const doc = new Y.Doc();
    seed(doc);
    const { store } = manualStore(doc);
    const content = store.get().content;
    movePlayers(doc, [{ id: "p2", x: 500, y: 40 }]);
    expect(store.get().board.players[1]).toMatchObject({ x: 500, y: 40 });
    expect(store.get().content).toBe(content);
    updatePlayer(doc, "p2", { name: "Dealers" });
    expect(store.get().content).not.toBe(content);
    expect(store.get().content.players[1].name).toBe("Dealers");
  });

  it("reads other people's changes once per frame, and tells its listeners", () => {
    const doc = new Y.Doc();
    seed(doc);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const { store, frame } = manualStore(doc);
    let told = 0;
    store.subscribe(() => told++);
    updatePlayer(remote, "p1", { name: "Acme" });
    updatePlayer(remote, "p2", { name: "Reseller" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), "provider");
    expect(store.get().board.players[0].name).toBe("Us");
    frame();
    expect(told).toBe(1);
    expect(store.get().board).toEqual(readBoard(doc));
  });

  it("reads typing into a Y.Text field of a player", () => {
    const doc = new Y.Doc();
    seed(doc);
    const { store } = manualStore(doc);
    const name = doc.getMap<Y.Map<unknown>>("players").get("p2")!.get("name") as Y.Text;
    name.insert(6, " network");
    expect(store.get().board.players[1].name).toBe("Dealer network");
  });
});

describe("the store's notes, frames and threads", () => {
  it("publishes them live, and a note's move changes the board but not its content", async () => {
    const { addNote, moveItems, startThread } = await import("./discussionDoc");
    const doc = new Y.Doc();
    const store = new BoardStore(doc, (flush) => {
      flush();
      return () => {};
    });
    addNote(doc, { id: "n", text: "idea", color: "yellow", x: 0, y: 0 });
    startThread(doc, { id: "t", target: { x: 1, y: 2 }, message: { id: "m", author: { name: "Ada" }, text: "hi", at: "2026-11-28T10:00:00.000Z" } });
    expect(store.get().board.notes?.map((n) => n.id)).toEqual(["n"]);
    expect(store.get().board.comments?.map((t) => t.id)).toEqual(["t"]);
    const content = store.get().content;
    moveItems(doc, [{ id: "n", x: 50, y: 60 }]);
    expect(store.get().board.notes?.[0]).toMatchObject({ x: 50, y: 60 });
    expect(store.get().content).toBe(content);
  });
});
