import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addChannel,
  addPlayer,
  deletePlayers,
  editingLocked,
  MAX_ANSWERED_NAMES,
  readRound,
  startRound,
  workshopOf,
  writeAnswered,
  writeRound,
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

describe("workshop round", () => {
  const info = { id: "r1", status: "open" as const, questions: ["us"], timerSeconds: null, startedAt: "2025-01-01T00:00:00.000Z", lockEditing: false };
  const person = (i: number) => ({ ref: `ref${String(i).padStart(3, "0")}`, name: `P${i}`, function: "Sales", at: 1000 + i });

  it("writes only the participants that are new or changed, and nothing for the same answer again", () => {
    const doc = new Y.Doc();
    startRound(doc, info);
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    writeAnswered(doc, [person(1)], 1);
    writeAnswered(doc, [person(1), person(2)], 2);
    expect(updates).toHaveLength(2);
    expect(Math.max(...updates.map((u) => u.length))).toBeLessThan(150);
    writeAnswered(doc, [person(1), person(2)], 2);
    expect(updates).toHaveLength(2);
    writeAnswered(doc, [person(1), { ...person(2), name: "Pat" }], 2);
    expect(updates).toHaveLength(3);
    expect(readRound(doc)).toMatchObject({ ...info, answeredCount: 2, answered: [{ ref: "ref001", name: "P1", function: "Sales" }, { ref: "ref002", name: "Pat", function: "Sales" }] });
  });

  it("names at most MAX_ANSWERED_NAMES; beyond them only the count grows", () => {
    const doc = new Y.Doc();
    startRound(doc, info);
    const all = Array.from({ length: MAX_ANSWERED_NAMES + 50 }, (_, i) => person(i));
    writeAnswered(doc, all, all.length);
    const round = readRound(doc)!;
    expect(round.answered).toHaveLength(MAX_ANSWERED_NAMES);
    expect(round.answered[0].ref).toBe("ref000");
    expect(round.answeredCount).toBe(all.length);
  });

  it("keeps who answered through a status change, and a new round starts with nobody", () => {
    const doc = new Y.Doc();
    startRound(doc, info);
    writeAnswered(doc, [person(1)], 1);
    writeRound(doc, { ...readRound(doc)!, status: "revealed" });
    expect(workshopOf(doc).get("round")).not.toHaveProperty("answered");
    expect(readRound(doc)).toMatchObject({ status: "revealed", answeredCount: 1, answered: [{ name: "P1" }] });
    startRound(doc, { ...info, id: "r2" });
    expect(readRound(doc)).toMatchObject({ id: "r2", answeredCount: 0, answered: [] });
  });

  it("reads a round written before answeredBy, and moves it to the map on the next answer", () => {
    const doc = new Y.Doc();
    const old = [{ ref: "a", name: "Ann", function: "Sales" }, { ref: "b", name: "Ben", function: "Finance" }];
    workshopOf(doc).set("round", { ...info, answered: old });
    expect(readRound(doc)).toMatchObject({ answered: old, answeredCount: 2 });
    writeAnswered(doc, [...old, { ref: "c", name: "Cy", function: "Other" }].map((a, i) => ({ ...a, at: i })), 3);
    expect(workshopOf(doc).get("round")).not.toHaveProperty("answered");
    expect(readRound(doc)).toMatchObject({ answered: [...old, { ref: "c", name: "Cy", function: "Other" }], answeredCount: 3 });
  });

  it("pauses editing while a locking round is open, and no longer once its time is up or it is revealed", () => {
    const doc = new Y.Doc();
    startRound(doc, { ...info, timerSeconds: 60, lockEditing: true, blind: true });
    expect(readRound(doc)).toMatchObject({ blind: true, timeUp: false });
    expect(editingLocked(doc)).toBe(true);
    writeRound(doc, { ...readRound(doc)!, timeUp: true });
    expect(readRound(doc)).toMatchObject({ status: "open", blind: true, timeUp: true });
    expect(editingLocked(doc)).toBe(false);
    startRound(doc, { ...info, id: "r2", lockEditing: true });
    expect(editingLocked(doc)).toBe(true);
    writeRound(doc, { ...readRound(doc)!, status: "revealed" });
    expect(editingLocked(doc)).toBe(false);
  });

  it("reads a round written before blind and timeUp as neither", () => {
    const doc = new Y.Doc();
    workshopOf(doc).set("round", info);
    expect(readRound(doc)).toMatchObject({ blind: false, timeUp: false });
  });

  it("orders who answered the same way on every client", () => {
    const server = new Y.Doc();
    startRound(server, info);
    writeAnswered(server, [person(2)], 1);
    writeAnswered(server, [person(1), person(2)], 2);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    expect(readRound(client)!.answered.map((a) => a.ref)).toEqual(["ref001", "ref002"]);
  });
});
