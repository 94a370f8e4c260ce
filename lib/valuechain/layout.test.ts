import { describe, expect, test } from "vitest";
import { condense } from "./graph";
import { LAYOUT_CARD, tidyLayout, type PlayerPosition } from "./layout";
import { liveChannels, type Board } from "./model";
import { board, commercial, goods, influence, player } from "../../tests/helpers/boards";
import { mulberry32, shuffle } from "../../tests/helpers/random";
import { boardFromTemplate, TEMPLATE_IDS } from "./templates";

function positionsOf(b: Board): Map<string, PlayerPosition> {
  return new Map(tidyLayout(b).map((p) => [p.id, p]));
}

/** The board with the tidied positions written back, as applying the layout does. */
function applied(b: Board): Board {
  const at = positionsOf(b);
  return { ...b, players: b.players.map((p) => ({ ...p, ...at.get(p.id), id: p.id })) };
}

/** Goods channels whose ends are not in one goods cycle: these must run left to right. */
function acyclicGoods(b: Board) {
  const ids = b.players.map((p) => p.id);
  const number = new Map(ids.map((id, i) => [id, i]));
  const live = liveChannels(b).filter((c) => c.flow === "goods");
  const succ = ids.map(() => [] as number[]);
  for (const c of live) succ[number.get(c.from) as number].push(number.get(c.to) as number);
  const { componentOf } = condense(succ);
  return live.filter((c) => componentOf[number.get(c.from) as number] !== componentOf[number.get(c.to) as number]);
}

function expectLeftToRight(b: Board) {
  const at = positionsOf(b);
  for (const c of acyclicGoods(b)) {
    expect((at.get(c.from) as PlayerPosition).x, `${c.from} → ${c.to}`).toBeLessThan((at.get(c.to) as PlayerPosition).x);
  }
}

function expectNoOverlap(b: Board) {
  const spots = tidyLayout(b);
  for (let i = 0; i < spots.length; i++) {
    for (let j = i + 1; j < spots.length; j++) {
      const [a, c] = [spots[i], spots[j]];
      const apart = Math.abs(a.x - c.x) >= LAYOUT_CARD.width || Math.abs(a.y - c.y) >= LAYOUT_CARD.height;
      expect(apart, `${a.id} and ${c.id} overlap`).toBe(true);
    }
  }
}

/** A seeded random board: goods mostly forward along a chain of n players, some backward (cycles), some other flows. */
function randomBoard(seed: number, n: number): Board {
  const random = mulberry32(seed);
  const pick = () => Math.floor(random() * n);
  const channels = [];
  for (let i = 0; i < n * 1.5; i++) {
    const [a, b] = [pick(), pick()];
    const flow = random() < 0.75 ? goods : random() < 0.5 ? commercial : influence;
    // Mostly from lower to higher numbers, so the goods flow has a direction and a few cycles.
    const forward = random() < 0.9;
    const [from, to] = forward === a < b ? [a, b] : [b, a];
    channels.push(flow(`p${from}`, `p${to}`, { id: `c${i}` }));
  }
  const players = Array.from({ length: n + 3 }, (_, i) => player(`p${i}`, { x: Math.round(random() * 2000), y: Math.round(random() * 2000) }));
  return board(channels, players);
}

describe("tidy layout", () => {
  test("puts every goods channel of every template left to right, without overlapping cards", () => {
    for (const id of TEMPLATE_IDS) {
      const b = boardFromTemplate(id);
      expectLeftToRight(b);
      expectNoOverlap(b);
      expect(tidyLayout(b).map((p) => p.id).sort()).toEqual(b.players.map((p) => p.id).sort());
    }
  });

  test("puts the players who start the chain in the first column and the consumers in the last", () => {
    // The consumer at the end of the short route still lines up with the one at the end of the long route.
    const b = board([goods("sup", "us"), goods("us", "shop"), goods("us", "dist"), goods("dist", "dealer"), goods("dealer", "home")], [
      player("shop", { consumer: true }),
      player("home", { consumer: true }),
    ]);
    const at = positionsOf(b);
    const xs = [...at.values()].map((p) => p.x);
    expect(at.get("sup")!.x).toBe(Math.min(...xs));
    expect(at.get("shop")!.x).toBe(Math.max(...xs));
    expect(at.get("home")!.x).toBe(Math.max(...xs));
    expect(at.get("us")!.x).toBeLessThan(at.get("dist")!.x);
  });

  test("places a specifier below the goods flow, under the players it influences", () => {
    const b = board([goods("us", "a"), goods("a", "b"), goods("b", "c"), influence("arch", "b"), influence("arch", "c")]);
    const at = positionsOf(b);
    const flowBottom = Math.max(...["us", "a", "b", "c"].map((id) => at.get(id)!.y));
    expect(at.get("arch")!.y).toBeGreaterThanOrEqual(flowBottom + LAYOUT_CARD.height);
    expect(at.get("arch")!.x).toBeGreaterThanOrEqual(at.get("b")!.x);
    expect(at.get("arch")!.x).toBeLessThanOrEqual(at.get("c")!.x);
  });

  test("puts players without any channel in a grid below everything else", () => {
    const b = board([goods("us", "a"), influence("arch", "a")], [player("lonely1"), player("lonely2", { kind: "supplier" })]);
    const at = positionsOf(b);
    const arch = at.get("arch")!;
    for (const id of ["lonely1", "lonely2"]) expect(at.get(id)!.y).toBeGreaterThan(arch.y);
    // Ordered along the chain: the supplier comes first.
    expect(at.get("lonely2")!.x).toBeLessThan(at.get("lonely1")!.x);
    expectNoOverlap(b);
  });

  test("lays out a board without goods flow as a grid", () => {
    const b = board([commercial("a", "b")], [player("c")]);
    expectNoOverlap(b);
    expect(new Set(tidyLayout(b).map((p) => p.y)).size).toBe(1);
  });

  test("keeps the players of a goods cycle in one column and still ends on the right", () => {
    const b = board([goods("us", "a"), goods("a", "b"), goods("b", "a"), goods("b", "end")]);
    const at = positionsOf(b);
    expect(at.get("a")!.x).toBe(at.get("b")!.x);
    expect(at.get("us")!.x).toBeLessThan(at.get("a")!.x);
    expect(at.get("a")!.x).toBeLessThan(at.get("end")!.x);
    expectNoOverlap(b);
  });

  test("ignores self-loops and channels whose player was deleted", () => {
    const b = board([goods("us", "us"), goods("us", "a"), goods("a", "gone")]);
    b.players = b.players.filter((p) => p.id !== "gone");
    const at = positionsOf(b);
    expect(at.get("us")!.x).toBeLessThan(at.get("a")!.x);
    expect(at.has("gone")).toBe(false);
  });

  test("keeps the tidied board where the old one started", () => {
    const b = boardFromTemplate("building-products");
    for (const p of b.players) {
      p.x += 500;
      p.y -= 300;
    }
    const spots = tidyLayout(b);
    expect(Math.min(...spots.map((p) => p.x))).toBe(Math.min(...b.players.map((p) => p.x)));
    expect(Math.min(...spots.map((p) => p.y))).toBe(Math.min(...b.players.map((p) => p.y)));
  });

  test("is deterministic: the same board in any storage order gives the same positions", () => {
    for (const seed of [1, 2, 3]) {
      const b = randomBoard(seed, 30);
      const random = mulberry32(seed);
      const reordered = { ...b, players: shuffle(b.players, random), channels: shuffle(b.channels, random) };
      expect(tidyLayout(reordered).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(tidyLayout(b));
    }
  });

  test("is stable: tidying a tidy board changes nothing", () => {
    const once = applied(randomBoard(7, 25));
    expect(tidyLayout(once)).toEqual(once.players.map(({ id, x, y }) => ({ id, x, y })).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  test.each([11, 12, 13, 14, 15])("random board (seed %i): goods left to right except in cycles, no overlaps", (seed) => {
    const b = randomBoard(seed, 40);
    expectLeftToRight(b);
    expectNoOverlap(b);
  });

  test("a board too big for dagre is still left to right and without overlaps", () => {
    const b = randomBoard(21, 400);
    tidyLayout(b);
    expectLeftToRight(b);
    expectNoOverlap(b);
  });

  test("an empty board has nothing to place", () => {
    expect(tidyLayout({ title: "", players: [], channels: [] })).toEqual([]);
  });
});
