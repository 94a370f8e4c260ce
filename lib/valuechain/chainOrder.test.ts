import { describe, expect, it } from "vitest";
import { chainOrder } from "./chainOrder";
import { makeChannel, makePlayer, type Board } from "./model";

const board: Board = {
  title: "t",
  players: [
    makePlayer({ id: "a", name: "Homeowner", kind: "end-user", x: 0, y: 0 }),
    makePlayer({ id: "b", name: "Installer", kind: "installer", x: 900, y: 900 }),
    makePlayer({ id: "c", name: "Us", kind: "manufacturer", isUs: true, x: 500, y: 0 }),
    makePlayer({ id: "d", name: "Architect", kind: "specifier" }),
    makePlayer({ id: "e", name: "Builders' merchant", kind: "distributor" }),
    makePlayer({ id: "f", name: "Lonely", kind: "other" }),
  ],
  channels: [
    makeChannel({ id: "c3", from: "b", to: "a" }),
    makeChannel({ id: "c1", from: "c", to: "e" }),
    makeChannel({ id: "c2", from: "e", to: "b" }),
    makeChannel({ id: "c4", from: "d", to: "b", flow: "influence" }),
  ],
};

describe("the order of the chain for keyboards and screen readers", () => {
  it("lists players stage by stage along goods flow, whatever their positions", () => {
    const order = chainOrder(board);
    expect(order.players).toEqual(["c", "e", "d", "b", "a", "f"]);
    expect(order.stageOf.get("c")).toBe(1);
    expect(order.stageOf.get("a")).toBe(4);
    // The specifier stands with the installer it influences; the unlinked player comes last.
    expect(order.stageOf.get("d")).toBe(3);
    expect(order.stageOf.get("f")).toBe(5);
  });

  it("lists channels by the places of their ends", () => {
    expect(chainOrder(board).channels).toEqual(["c1", "c2", "c4", "c3"]);
  });

  it("does not change when cards move", () => {
    const moved = { ...board, players: board.players.map((p) => ({ ...p, x: -p.x, y: p.y + 77 })) };
    expect(chainOrder(moved)).toEqual(chainOrder(board));
  });
});
