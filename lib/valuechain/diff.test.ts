import { describe, expect, test } from "vitest";
import { applyDiff, diffBoards, isEmptyDiff, MOVE_THRESHOLD, type BoardDiff } from "./diff";
import { CUSTOMER_DECISIONS, FLOWS, makeChannel, makePlayer, PLAYER_KINDS, sortById, STRATEGIES, TRANSACTIONS, type Board, type Channel, type Player } from "./model";
import { TEMPLATES } from "./templates";
import { goods, player } from "../../tests/helpers/boards";
import { mulberry32, shuffle } from "../../tests/helpers/random";

const base = TEMPLATES["building-products"].board;

function edit(b: Board, change: (copy: Board) => void): Board {
  const copy = structuredClone(b);
  change(copy);
  return copy;
}

function playerOf(b: Board, id: string): Player {
  const found = b.players.find((p) => p.id === id);
  if (!found) throw new Error(`no player ${id}`);
  return found;
}

function summaries(d: BoardDiff): string[] {
  return d.answers.map((a) => a.summary);
}

describe("diffBoards: players, channels and title", () => {
  test("finds nothing between a board and itself", () => {
    const d = diffBoards(base, structuredClone(base));
    expect(isEmptyDiff(d)).toBe(true);
  });

  test("reports a new title", () => {
    const d = diffBoards(base, { ...base, title: "FY27" });
    expect(d.title).toEqual({ before: base.title, after: "FY27" });
    expect(isEmptyDiff(d)).toBe(false);
  });

  test("reports players added and removed, sorted by id", () => {
    const b = edit(base, (copy) => {
      copy.players = copy.players.filter((p) => p.id !== "p1");
      copy.players.push(player("z9"), player("a0"));
    });
    const d = diffBoards(base, b);
    expect(d.players.added.map((p) => p.id)).toEqual(["a0", "z9"]);
    expect(d.players.removed).toEqual([playerOf(base, "p1")]);
  });

  test("reports each changed field of a player with its before and after", () => {
    const b = edit(base, (copy) => {
      Object.assign(playerOf(copy, "p4"), { name: "Dealer", customer: "no", aliases: ["Reseller"] });
    });
    expect(diffBoards(base, b).players.changed).toEqual([
      {
        id: "p4",
        changes: [
          { field: "name", before: "Window dealer", after: "Dealer" },
          { field: "customer", before: "yes", after: "no" },
          { field: "aliases", before: ["Reseller", "Showroom"], after: ["Reseller"] },
        ],
      },
    ]);
  });

  test("reports a move apart from field changes, and ignores moves within the threshold", () => {
    const b = edit(base, (copy) => {
      Object.assign(playerOf(copy, "p2"), { x: playerOf(base, "p2").x + 100, name: "Us" });
      playerOf(copy, "p3").x += 5;
      playerOf(copy, "p3").y += 5;
    });
    const d = diffBoards(base, b);
    const { x, y } = playerOf(base, "p2");
    expect(d.players.moved).toEqual([{ id: "p2", from: { x, y }, to: { x: x + 100, y } }]);
    expect(d.players.changed).toEqual([{ id: "p2", changes: [{ field: "name", before: "Window manufacturer (us)", after: "Us" }] }]);
    expect(Math.hypot(5, 5)).toBeLessThanOrEqual(MOVE_THRESHOLD);
  });

  test("a board only nudged within the threshold has an empty diff", () => {
    const b = edit(base, (copy) => copy.players.forEach((p) => (p.x += 8)));
    expect(isEmptyDiff(diffBoards(base, b))).toBe(true);
  });

  test("reports channels added, removed and changed, with an unknown share as null", () => {
    const b = edit(base, (copy) => {
      copy.channels = copy.channels.filter((c) => c.id !== "c12");
      copy.channels.push(goods("p2", "p4", { id: "c99", share: 10 }));
      const c2 = copy.channels.find((c) => c.id === "c2") as Channel;
      delete c2.share;
      c2.label = "stock";
    });
    const d = diffBoards(base, b);
    expect(d.channels.added.map((c) => c.id)).toEqual(["c99"]);
    expect(d.channels.removed.map((c) => c.id)).toEqual(["c12"]);
    expect(d.channels.changed).toEqual([
      {
        id: "c2",
        changes: [
          { field: "label", before: "stock orders", after: "stock" },
          { field: "share", before: 70, after: null },
        ],
      },
    ]);
  });

  test("does not depend on the order of players and channels", () => {
    const b = edit(base, (copy) => {
      playerOf(copy, "p5").name = "Fitter";
      copy.channels.pop();
      copy.players.push(player("new"));
    });
    const random = mulberry32(3);
    const shuffled = { ...b, players: shuffle(b.players, random), channels: shuffle(b.channels, random) };
    expect(diffBoards(base, shuffled)).toEqual(diffBoards(base, b));
  });
});

describe("diffBoards: answers", () => {
  test("counts the parallel channels before and after", () => {
    const b = edit(base, (copy) => copy.channels.push(goods("p2", "p4", { id: "c99" })));
    const item = diffBoards(base, b).answers.find((a) => a.question === "channels");
    expect(item).toEqual({
      question: "channels",
      before: "3",
      after: "4",
      summary: "Parallel channels: 3 → 4 (+ Window manufacturer (us) → Window dealer → Installer → Homeowner)",
    });
  });

  test("reports a route replaced by another as a change with the same count", () => {
    const b = edit(base, (copy) => {
      const c3 = copy.channels.find((c) => c.id === "c3") as Channel;
      c3.to = "p5";
    });
    expect(summaries(diffBoards(base, b))).toContain(
      "Parallel channels: still 3 (+ Window manufacturer (us) → Installer → Homeowner, − Window manufacturer (us) → Project installer → Homeowner)",
    );
  });

  test("names customers who join or leave", () => {
    const b = edit(base, (copy) => {
      playerOf(copy, "p7").customer = "yes";
      playerOf(copy, "p4").customer = "undecided";
    });
    expect(summaries(diffBoards(base, b))).toEqual([
      "Customers: + Homeowner, − Window dealer",
      "Not customers: − Homeowner",
      "Undecided: + Window dealer",
    ]);
  });

  test("reports the stage of us moving", () => {
    const b = edit(base, (copy) => {
      copy.players.push(player("p0", { kind: "supplier" }));
      copy.channels.push(goods("p0", "p1", { id: "c0" }));
    });
    const d = diffBoards(base, b);
    expect(summaries(d)).toContain("Where we are: stage 2 of 6 → stage 3 of 7");
    expect(summaries(d)).toContain("Starts: + P0, − Glass and profile supplier");
    expect(summaries(d)).toContain("Players: + P0");
  });

  test("reports us moving to another player, or being unmarked", () => {
    const moved = edit(base, (copy) => {
      playerOf(copy, "p2").isUs = false;
      playerOf(copy, "p3").isUs = true;
    });
    expect(summaries(diffBoards(base, moved))).toContain("Where we are: Window manufacturer (us), stage 2 of 6 → Builders' merchant, stage 3 of 6");
    const unmarked = edit(base, (copy) => (playerOf(copy, "p2").isUs = false));
    const item = diffBoards(base, unmarked).answers.find((a) => a.question === "us");
    expect(item?.after).toBe("not marked");
  });

  test("reports a rewritten reason", () => {
    const b = edit(base, (copy) => (playerOf(copy, "p5").why = "Fits most windows."));
    expect(diffBoards(base, b).answers).toEqual([
      { question: "why", before: "Chooses the window on most small jobs.", after: "Fits most windows.", summary: "Why Installer: “Chooses the window on most small jobs.” → “Fits most windows.”" },
    ]);
  });

  test("reports a player changing kind and consumers changing", () => {
    const b = edit(base, (copy) => {
      playerOf(copy, "p4").kind = "distributor";
      playerOf(copy, "p6").consumer = true;
    });
    const s = summaries(diffBoards(base, b));
    expect(s).toContain("Window dealer: Retailer / dealer → Distributor");
    expect(s).toContain("Consumers: + Project installer");
    expect(s.some((line) => line.startsWith("Players:"))).toBe(false);
  });

  test("reports a renamed player under the questions, not only on the canvas", () => {
    const b = edit(base, (copy) => (playerOf(copy, "p8").name = "Architect practice"));
    const d = diffBoards(base, b);
    expect(d.players.changed.map((c) => c.id)).toEqual(["p8"]);
    expect(d.answers).toEqual([
      { question: "players", before: "Architect (Specifier)", after: "Architect practice (Specifier)", summary: "Architect practice: renamed from Architect" },
    ]);
  });

  test("reports names other people use, added and dropped", () => {
    const b = edit(base, (copy) => (playerOf(copy, "p4").aliases = ["Showroom", "Shop", "Stockist"]));
    expect(diffBoards(base, b).answers).toEqual([
      {
        question: "players",
        before: "Window dealer (Retailer / dealer, also called Reseller, Showroom)",
        after: "Window dealer (Retailer / dealer, also called Showroom, Shop, Stockist)",
        summary: "Window dealer: also called Shop, Stockist; no longer called Reseller",
      },
    ]);
    // The same names in another order say the same thing.
    const reordered = edit(base, (copy) => playerOf(copy, "p4").aliases.reverse());
    expect(diffBoards(base, reordered).answers).toEqual([]);
  });

  test("says a rename, a new kind and new names of one player in one line, beside the other answers it changes", () => {
    const b = edit(base, (copy) => {
      Object.assign(playerOf(copy, "p4"), { name: "Reseller", kind: "distributor", aliases: ["Showroom"], customer: "no" });
    });
    const s = summaries(diffBoards(base, b));
    expect(s).toContain("Reseller: renamed from Window dealer; Retailer / dealer → Distributor; no longer called Reseller");
    // Everywhere else the player goes by its new name.
    expect(s).toContain("Customers: − Reseller");
    expect(s).toContain("Not customers: + Reseller");
  });

  test("lists every revised player, however many", () => {
    const b = edit(base, (copy) => copy.players.forEach((p) => (p.name = `${p.name} (new)`)));
    const revised = diffBoards(base, b).answers.filter((a) => a.question === "players");
    expect(revised.map((a) => a.summary)).toEqual(base.players.map((p) => `${p.name} (new): renamed from ${p.name}`));
  });

  test("an unnamed player is named by its id", () => {
    const b = edit(base, (copy) => (playerOf(copy, "p8").name = "  "));
    expect(summaries(diffBoards(base, b))).toEqual(["p8: renamed from Architect"]);
  });

  test("lists at most five names, then says how many more", () => {
    const b = edit(base, (copy) => copy.players.push(...["a", "b", "c", "d", "e", "f", "g"].map((id) => player(id))));
    const item = diffBoards(base, b).answers.find((a) => a.question === "players");
    expect(item).toEqual({ question: "players", before: "8 players", after: "15 players", summary: "Players: + A, + B, + C, + D, + E and 2 more" });
  });
});

describe("applyDiff", () => {
  test("turns the first board into the second", () => {
    const b = edit(base, (copy) => {
      copy.title = "After";
      copy.players = copy.players.filter((p) => p.id !== "p8");
      playerOf(copy, "p2").x = 0;
      copy.channels[1].share = 65;
    });
    expect(normalized(applyDiff(base, diffBoards(base, b)))).toStrictEqual(normalized(b));
  });

  test("leaves the first board untouched", () => {
    const before = structuredClone(base);
    const b = edit(base, (copy) => (copy.players[0].aliases = ["x"]));
    applyDiff(base, diffBoards(base, b));
    expect(base).toStrictEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Property test: random pairs of boards.

function normalized(b: Board): Board {
  return { title: b.title, players: sortById(b.players), channels: sortById(b.channels) };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Positions on a 20 px grid: any two differ by 0 or by more than the move threshold. */
function gridPosition(random: () => number): { x: number; y: number } {
  return { x: Math.floor(random() * 60) * 20, y: Math.floor(random() * 30) * 20 };
}

function randomPlayer(random: () => number, id: string): Player {
  return makePlayer({
    id,
    name: pick(random, ["Dealer", "Installer", "Maker", "Homeowner", ""]),
    kind: pick(random, PLAYER_KINDS),
    ...gridPosition(random),
    isUs: random() < 0.2,
    consumer: random() < 0.2,
    customer: pick(random, CUSTOMER_DECISIONS),
    why: pick(random, ["", "we invoice them", "they choose"]),
    strategy: pick(random, STRATEGIES),
    transaction: pick(random, TRANSACTIONS),
    notes: pick(random, ["", "note"]),
    aliases: shuffle(["a", "b", "c"], random).slice(0, Math.floor(random() * 3)),
  });
}

function randomChannel(random: () => number, id: string, playerIds: string[]): Channel {
  const ends = playerIds.length > 0 ? playerIds : ["ghost"];
  const channel = makeChannel({ id, from: pick(random, ends), to: pick(random, ends), flow: pick(random, FLOWS), label: pick(random, ["", "via"]) });
  if (random() < 0.5) channel.share = Math.floor(random() * 101);
  return channel;
}

function randomBoard(random: () => number): Board {
  const players = shuffle(Array.from({ length: 10 }, (_, i) => `p${i}`), random)
    .slice(0, Math.floor(random() * 9))
    .map((id) => randomPlayer(random, id));
  const ids = players.map((p) => p.id);
  const channels = shuffle(Array.from({ length: 14 }, (_, i) => `c${i}`), random)
    .slice(0, Math.floor(random() * 12))
    .map((id) => randomChannel(random, id, ids));
  return { title: pick(random, ["A", "B"]), players, channels };
}

/** A later version of `a`: some players and channels kept (edited or not), some dropped, some new. */
function mutate(random: () => number, a: Board): Board {
  const fresh = randomBoard(random);
  const players = a.players
    .filter(() => random() < 0.8)
    .map((p) => {
      const other = randomPlayer(random, p.id);
      // Each field either stays or takes the random value; a move is 0 or a grid step.
      return makePlayer({ ...p, ...Object.fromEntries(Object.entries(other).filter(() => random() < 0.2)) });
    });
  const kept = new Set(players.map((p) => p.id));
  players.push(...fresh.players.filter((p) => !kept.has(p.id) && !a.players.some((old) => old.id === p.id)));
  const ids = players.map((p) => p.id);
  const channels = a.channels
    .filter(() => random() < 0.8)
    .map((c) => (random() < 0.3 ? randomChannel(random, c.id, ids) : { ...c }));
  const keptChannels = new Set(channels.map((c) => c.id));
  channels.push(...fresh.channels.filter((c) => !keptChannels.has(c.id) && !a.channels.some((old) => old.id === c.id)).map((c) => randomChannel(random, c.id, ids)));
  return { title: random() < 0.3 ? fresh.title : a.title, players: shuffle(players, random), channels: shuffle(channels, random) };
}

describe("diff properties (200 seeded random pairs)", () => {
  for (const style of ["edited", "unrelated"] as const) {
    test(`applyDiff(a, diffBoards(a, b)) equals b, for ${style} boards`, () => {
      for (let seed = 1; seed <= 200; seed++) {
        const random = mulberry32(seed);
        const a = randomBoard(random);
        const b = style === "edited" ? mutate(random, a) : randomBoard(random);
        const d = diffBoards(a, b);
        const applied = applyDiff(a, d);
        expect(normalized(applied), `seed ${seed}`).toStrictEqual(normalized(b));
        expect(isEmptyDiff(diffBoards(b, applied)), `seed ${seed}`).toBe(true);
      }
    });
  }

  test("diffBoards(a, a) is empty", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const a = randomBoard(mulberry32(seed));
      expect(isEmptyDiff(diffBoards(a, structuredClone(a))), `seed ${seed}`).toBe(true);
    }
  });

  test("the random boards exercise every kind of change", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const random = mulberry32(seed);
      const a = randomBoard(random);
      const d = diffBoards(a, mutate(random, a));
      for (const [name, list] of Object.entries({ ...d.players, ...prefixed(d.channels) })) if (list.length > 0) seen.add(name);
      if (d.title) seen.add("title");
      if (d.answers.length > 0) seen.add("answers");
    }
    expect([...seen].sort()).toEqual(["added", "answers", "changed", "channels.added", "channels.changed", "channels.removed", "moved", "removed", "title"]);
  });
});

function prefixed(channels: BoardDiff["channels"]): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(channels).map(([k, v]) => [`channels.${k}`, v]));
}
