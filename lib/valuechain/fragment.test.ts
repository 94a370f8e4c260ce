import { describe, expect, it } from "vitest";
import { fragmentOf, parseFragment, placeFragment } from "./fragment";
import { board, goods, influence, player } from "../../tests/helpers/boards";

const source = board([goods("a", "b", { share: 40, label: "stock" }), goods("b", "c"), influence("d", "a")], [
  player("a", { kind: "manufacturer", isUs: true, x: 100, y: 50, aliases: ["maker"] }),
  player("b", { kind: "retailer", x: 400, y: 50, customer: "yes", why: "buys" }),
  player("c", { kind: "end-user", x: 700, y: 50 }),
  player("d", { kind: "specifier", x: 100, y: 300 }),
]);

let n = 0;
const newId = () => `new${++n}`;

describe("copy and paste fragments", () => {
  it("holds the selection and the channels among it, as a valid chainboard/v1 file", () => {
    const fragment = fragmentOf(source, ["a", "b"])!;
    expect(fragment.players.map((p) => p.id)).toEqual(["a", "b"]);
    expect(fragment.channels.map((c) => [c.from, c.to])).toEqual([["a", "b"]]);
    const round = parseFragment(JSON.stringify(fragment));
    expect(round).toEqual({ ok: true, fragment });
    expect(fragmentOf(source, ["nothing"])).toBeNull();
  });

  it("pastes with new ids, the same kinds and fields, channels remapped, placed at the point", () => {
    const fragment = fragmentOf(source, ["a", "b", "c"])!;
    const placed = placeFragment(fragment, newId, { x: 1000, y: 1000 }, false);
    const ids = placed.players.map((p) => p.id);
    expect(ids.some((id) => ["a", "b", "c"].includes(id))).toBe(false);
    expect(placed.players.map((p) => [p.kind, p.x, p.y])).toEqual([
      ["manufacturer", 1000, 1000],
      ["retailer", 1300, 1000],
      ["end-user", 1600, 1000],
    ]);
    expect(placed.players[1]).toMatchObject({ customer: "yes", why: "buys" });
    expect(placed.players[0]).toMatchObject({ isUs: true, aliases: ["maker"] });
    expect(placed.channels).toHaveLength(2);
    for (const c of placed.channels) expect(ids).toContain(c.from), expect(ids).toContain(c.to);
    expect(placed.channels[0]).toMatchObject({ share: 40, label: "stock" });
  });

  it("never makes a second us on a board that has one", () => {
    const placed = placeFragment(fragmentOf(source, ["a"])!, newId, { x: 0, y: 0 }, true);
    expect(placed.players[0].isUs).toBe(false);
  });

  it("tells other text from a malformed fragment", () => {
    expect(parseFragment("just some words")).toEqual({ ok: false, error: null });
    const bad = parseFragment(JSON.stringify({ format: "chainboard/v1", players: [{ id: "x", name: "X", kind: "wizard" }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error?.path).toBe("players[0].kind");
  });
});
