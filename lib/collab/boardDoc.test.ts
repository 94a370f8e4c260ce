import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addChannel,
  addPlayer,
  deletePlayers,
  movePlayers,
  playersOf,
  readBoard,
  repairDangling,
  updatePlayer,
  writeBoard,
} from "./boardDoc";
import { makeChannel, makePlayer, type Board } from "../valuechain/model";

/** Exchanges updates as a provider would: with a non-null origin, so undo ignores them. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), "remote");
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), "remote");
}

const sample: Board = {
  title: "Building products",
  players: [
    makePlayer({ id: "p1", name: "Us", kind: "manufacturer", isUs: true, aliases: ["Maker"] }),
    makePlayer({ id: "p2", name: "Dealer", kind: "retailer", x: 260, customer: "yes", why: "they buy from us" }),
  ],
  channels: [makeChannel({ id: "c1", from: "p1", to: "p2", share: 100 })],
};

describe("board document binding", () => {
  it("round-trips a plain board through the Yjs layout of PRODUCT.md", () => {
    const doc = new Y.Doc();
    writeBoard(doc, sample);
    expect(readBoard(doc)).toEqual(sample);
    expect(doc.getMap("meta").get("schemaVersion")).toBe(1);
    expect(playersOf(doc).get("p1")).toBeInstanceOf(Y.Map);
    expect(playersOf(doc).get("p1")!.get("aliases")).toBeInstanceOf(Y.Array);
  });

  it("coerces malformed values written by a foreign client to the defaults", () => {
    const doc = new Y.Doc();
    writeBoard(doc, sample);
    const p = playersOf(doc).get("p2")!;
    p.set("kind", "spaceship");
    p.set("x", "left");
    p.set("customer", 42);
    p.set("aliases", "not an array");
    doc.getMap("players").set("junk", "not a map" as never);
    const board = readBoard(doc);
    expect(board.players.map((x) => x.id)).toEqual(["p1", "p2"]);
    expect(board.players[1]).toMatchObject({ kind: "other", x: 0, customer: "undecided", aliases: [] });
  });

  it("keeps both edits when one person moves a player while another renames it", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeBoard(a, sample);
    sync(a, b);
    movePlayers(a, [{ id: "p2", x: 500, y: 120 }]);
    updatePlayer(b, "p2", { name: "Reseller" });
    sync(a, b);
    for (const doc of [a, b]) expect(readBoard(doc).players[1]).toMatchObject({ name: "Reseller", x: 500, y: 120 });
  });

  it("marks exactly one player as us", () => {
    const doc = new Y.Doc();
    writeBoard(doc, sample);
    updatePlayer(doc, "p2", { isUs: true });
    expect(readBoard(doc).players.filter((p) => p.isUs).map((p) => p.id)).toEqual(["p2"]);
    addPlayer(doc, makePlayer({ id: "p3", name: "New us", kind: "distributor", isUs: true }));
    expect(readBoard(doc).players.filter((p) => p.isUs).map((p) => p.id)).toEqual(["p3"]);
  });

  it("deletes a player's channels with it", () => {
    const doc = new Y.Doc();
    writeBoard(doc, sample);
    deletePlayers(doc, ["p2"]);
    expect(readBoard(doc).channels).toEqual([]);
  });

  it("repairs a channel left dangling by a concurrent delete (R-DANGLING)", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeBoard(a, sample);
    sync(a, b);
    deletePlayers(a, ["p2"]);
    addChannel(b, makeChannel({ id: "c2", from: "p1", to: "p2", flow: "influence" }));
    sync(a, b);
    expect(readBoard(a).channels.map((c) => c.id)).toEqual(["c2"]);
    expect(repairDangling(a)).toBe(1);
    expect(repairDangling(b)).toBe(1);
    sync(a, b);
    expect(readBoard(a).channels).toEqual([]);
    expect(readBoard(b).channels).toEqual([]);
  });

  it("undoes only the local person's changes", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeBoard(a, sample);
    sync(a, b);
    const undo = new Y.UndoManager([a.getMap("players"), a.getMap("channels"), a.getMap("meta")]);
    updatePlayer(a, "p1", { name: "Acme" });
    updatePlayer(b, "p2", { name: "Reseller" });
    sync(a, b);
    undo.undo();
    expect(readBoard(a).players.map((p) => p.name)).toEqual(["Us", "Reseller"]);
  });
});
