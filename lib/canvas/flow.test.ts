import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { NodeChange } from "@xyflow/react";
import { addChannel, addPlayer, deletePlayers, movePlayers, readBoard } from "../collab/boardDoc";
import {
  channelFromConnection,
  keepUnchanged,
  measuredAfter,
  positionMoves,
  sameEdge,
  sameNode,
  selectionAfter,
  toFlowEdges,
  toFlowNodes,
} from "./flow";
import { readPeers, remoteSelections } from "../collab/presence";
import { makeChannel, makePlayer } from "../valuechain/model";

function boardDoc() {
  const doc = new Y.Doc();
  addPlayer(doc, makePlayer({ id: "maker", name: "Acme Windows", kind: "manufacturer", x: 10, y: 20, isUs: true }));
  addPlayer(doc, makePlayer({ id: "dealer", name: "Dealers", kind: "retailer", x: 300, y: 40, customer: "yes", why: "They invoice" }));
  addPlayer(doc, makePlayer({ id: "home", name: "Homeowner", kind: "end-user", x: 600, y: 60, consumer: true }));
  addChannel(doc, makeChannel({ id: "c1", from: "maker", to: "dealer", share: 60 }));
  addChannel(doc, makeChannel({ id: "c2", from: "dealer", to: "home", flow: "commercial", label: "invoice" }));
  return doc;
}

const none = { selectedIds: [] as string[] };

describe("projecting the board document onto React Flow", () => {
  it("gives one player node per player, at its position, carrying the player", () => {
    const nodes = toFlowNodes(readBoard(boardDoc()), none);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ["dealer", "player", { x: 300, y: 40 }],
      ["home", "player", { x: 600, y: 60 }],
      ["maker", "player", { x: 10, y: 20 }],
    ]);
    const maker = nodes.find((n) => n.id === "maker")!;
    expect(maker.data.player).toMatchObject({ name: "Acme Windows", kind: "manufacturer", isUs: true });
    expect(maker.data.remote).toEqual([]);
    expect(maker.selected).toBe(false);
  });

  it("gives one channel edge per channel, from its source to its target, carrying the channel", () => {
    const edges = toFlowEdges(readBoard(boardDoc()), none);
    expect(edges.map((e) => [e.id, e.type, e.source, e.target])).toEqual([
      ["c1", "channel", "maker", "dealer"],
      ["c2", "channel", "dealer", "home"],
    ]);
    expect(edges[0].data?.channel).toEqual({ id: "c1", from: "maker", to: "dealer", flow: "goods", label: "", share: 60 });
    expect(edges[1].data?.channel).toMatchObject({ flow: "commercial", label: "invoice" });
    expect(edges.map((e) => e.data?.lane)).toEqual([0, 0]);
  });

  it("marks local selections and other people's selections", () => {
    const remoteSelections = new Map([["dealer", [{ name: "Bianca", color: "#2563eb" }]]]);
    const board = readBoard(boardDoc());
    const nodes = toFlowNodes(board, { selectedIds: new Set(["maker", "c2"]), remoteSelections });
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(["maker"]);
    expect(nodes.find((n) => n.id === "dealer")!.data.remote).toEqual([{ name: "Bianca", color: "#2563eb" }]);
    const edges = toFlowEdges(board, { selectedIds: new Set(["maker", "c2"]), remoteSelections });
    expect(edges.filter((e) => e.selected).map((e) => e.id)).toEqual(["c2"]);
  });

  it("outlines what other people select, from their awareness states, never this browser's own", () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: "Me", fn: "Sales", color: "#e11d48" }, selection: ["maker"] }],
      [2, { user: { name: "Bianca", fn: "Finance", color: "#2563eb" }, selection: ["maker", "c1", "gone"] }],
      [3, { user: { name: "" }, selection: ["dealer"] }],
      [4, { selection: "dealer" }],
    ]);
    const remote = remoteSelections(readPeers(states), 1);
    const board = readBoard(boardDoc());
    const maker = toFlowNodes(board, { selectedIds: [], remoteSelections: remote }).find((n) => n.id === "maker")!;
    expect(maker.data.remote).toEqual([{ name: "Bianca", color: "#2563eb" }]);
    expect(toFlowEdges(board, { selectedIds: [], remoteSelections: remote }).find((e) => e.id === "c1")!.data!.remote).toHaveLength(1);
    expect(toFlowNodes(board, { selectedIds: [], remoteSelections: remote }).find((n) => n.id === "dealer")!.data.remote).toEqual([]);
  });

  it("shows a move made through movePlayers in the next projection", () => {
    const doc = boardDoc();
    movePlayers(doc, [{ id: "dealer", x: 320, y: -15 }]);
    const dealer = toFlowNodes(readBoard(doc), none).find((n) => n.id === "dealer")!;
    expect(dealer.position).toEqual({ x: 320, y: -15 });
    expect(dealer.data.player).toMatchObject({ x: 320, y: -15 });
  });

  it("shows a position being dragged locally ahead of the document", () => {
    const nodes = toFlowNodes(readBoard(boardDoc()), { ...none, positions: new Map([["home", { x: 1, y: 2 }]]) });
    expect(nodes.find((n) => n.id === "home")!.position).toEqual({ x: 1, y: 2 });
  });

  it("draws no edge for a channel whose player was deleted", () => {
    const doc = boardDoc();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // One person deletes the dealer while another, offline, draws a channel to it.
    deletePlayers(doc, ["dealer"]);
    addChannel(peer, makeChannel({ id: "c3", from: "home", to: "dealer", flow: "influence" }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const board = readBoard(doc);
    expect(board.channels.map((c) => c.id)).toEqual(["c3"]);
    expect(toFlowEdges(board, none)).toEqual([]);
    expect(toFlowNodes(board, none).map((n) => n.id)).toEqual(["home", "maker"]);
  });

  it("puts parallel channels between two players in distinct lanes, whichever their direction", () => {
    const doc = boardDoc();
    addChannel(doc, makeChannel({ id: "c0", from: "dealer", to: "maker", flow: "commercial" }));
    addChannel(doc, makeChannel({ id: "c9", from: "maker", to: "dealer", flow: "influence" }));
    const lanes = toFlowEdges(readBoard(doc), none)
      .filter((e) => [e.source, e.target].sort().join() === "dealer,maker")
      .map((e) => (e.source === "dealer" ? e.data!.lane : -e.data!.lane));
    expect(new Set(lanes).size).toBe(3);
  });
});

describe("applying React Flow events to the board document", () => {
  it("writes the positions of a drag through movePlayers", () => {
    const doc = boardDoc();
    const changes: NodeChange[] = [
      { id: "maker", type: "position", position: { x: 55.4, y: 80.6 }, dragging: true },
      { id: "maker", type: "select", selected: true },
      { id: "home", type: "position", position: { x: 700, y: 90 }, dragging: false },
    ];
    const moves = positionMoves(changes);
    expect(moves).toEqual([
      { id: "maker", x: 55, y: 81, dragging: true },
      { id: "home", x: 700, y: 90, dragging: false },
    ]);
    movePlayers(doc, moves);
    const board = readBoard(doc);
    expect(board.players.find((p) => p.id === "maker")).toMatchObject({ x: 55, y: 81, name: "Acme Windows" });
    expect(board.players.find((p) => p.id === "home")).toMatchObject({ x: 700, y: 90 });
  });

  it("adds a goods channel for a drawn connection", () => {
    const doc = boardDoc();
    const channel = channelFromConnection({ source: "home", target: "maker", sourceHandle: null, targetHandle: null }, "c-new");
    expect(channel).toEqual({ id: "c-new", from: "home", to: "maker", flow: "goods", label: "" });
    addChannel(doc, channel!);
    const edge = toFlowEdges(readBoard(doc), none).find((e) => e.id === "c-new");
    expect(edge).toMatchObject({ source: "home", target: "maker", data: { channel: { flow: "goods" } } });
  });

  it("refuses a connection from a player to itself", () => {
    expect(channelFromConnection({ source: "home", target: "home", sourceHandle: null, targetHandle: null }, "x")).toBeNull();
  });

  it("keeps the local selection from select changes of nodes and edges", () => {
    const before = ["maker"];
    const after = selectionAfter(before, [
      { id: "maker", type: "select", selected: false },
      { id: "c1", type: "select", selected: true },
    ]);
    expect(after).toEqual(["c1"]);
    expect(selectionAfter(after, [{ id: "c1", type: "select", selected: true }])).toBe(after);
  });

  it("remembers measured sizes and returns the same map when nothing changed", () => {
    const first = measuredAfter(new Map(), [{ id: "maker", type: "dimensions", dimensions: { width: 224, height: 96 } }]);
    expect(first.get("maker")).toEqual({ width: 224, height: 96 });
    expect(measuredAfter(first, [{ id: "maker", type: "dimensions", dimensions: { width: 224, height: 96 } }])).toBe(first);
  });
});

describe("keeping unchanged nodes and edges", () => {
  it("reuses every object that did not change, and the array when none did", () => {
    const doc = boardDoc();
    const first = toFlowNodes(readBoard(doc), none);
    const again = keepUnchanged(first, toFlowNodes(readBoard(doc), none), sameNode);
    expect(again).toBe(first);

    movePlayers(doc, [{ id: "home", x: 0, y: 0 }]);
    const moved = keepUnchanged(first, toFlowNodes(readBoard(doc), none), sameNode);
    expect(moved).not.toBe(first);
    expect(moved.find((n) => n.id === "maker")).toBe(first.find((n) => n.id === "maker"));
    expect(moved.find((n) => n.id === "home")).not.toBe(first.find((n) => n.id === "home"));

    const edges = toFlowEdges(readBoard(doc), none);
    expect(keepUnchanged(edges, toFlowEdges(readBoard(doc), none), sameEdge)).toBe(edges);
  });
});
