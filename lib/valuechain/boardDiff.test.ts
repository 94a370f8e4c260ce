import { describe, expect, test } from "vitest";
import { diffAnswers } from "./answersDiff";
import { applyDiff, diffBoards, isEmptyDiff, MOVE_THRESHOLD, type BoardDiff } from "./boardDiff";
import { CUSTOMER_DECISIONS, FLOWS, makeChannel, makePlayer, PLAYER_KINDS, sortById, STRATEGIES, TRANSACTIONS, type Board, type Channel, type Player } from "./model";
import { TEMPLATES } from "./templates";
import { edited, goods, player, playerOf } from "../../tests/helpers/boards";
import { mulberry32, shuffle } from "../../tests/helpers/random";

const base = TEMPLATES["building-products"].board;

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
    const b = edited(base, (copy) => {
      copy.players = copy.players.filter((p) => p.id !== "p1");
      copy.players.push(player("z9"), player("a0"));
    });
    const d = diffBoards(base, b);
    expect(d.players.added.map((p) => p.id)).toEqual(["a0", "z9"]);
    expect(d.players.removed).toEqual([playerOf(base, "p1")]);
  });

  test("reports each changed field of a player with its before and after", () => {
    const b = edited(base, (copy) => {
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
    const b = edited(base, (copy) => {
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
    const b = edited(base, (copy) => copy.players.forEach((p) => (p.x += 8)));
    expect(isEmptyDiff(diffBoards(base, b))).toBe(true);
  });

  test("reports channels added, removed and changed, with an unknown share as null", () => {
    const b = edited(base, (copy) => {
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
    const b = edited(base, (copy) => {
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
  test("carries how the answers changed (answersDiff.ts) beside the players and channels", () => {
    const b = edited(base, (copy) => {
      playerOf(copy, "p4").customer = "no";
      copy.channels.push(goods("p2", "p4", { id: "c99" }));
    });
    const d = diffBoards(base, b);
    expect(d.answers).toEqual(diffAnswers(base, b));
    expect(d.answers.map((a) => a.question)).toEqual(["customers", "nonCustomers", "channels"]);
  });
});

describe("applyDiff", () => {
  test("turns the first board into the second", () => {
    const b = edited(base, (copy) => {
      copy.title = "After";
      copy.players = copy.players.filter((p) => p.id !== "p8");
      playerOf(copy, "p2").x = 0;
      copy.channels[1].share = 65;
    });
    expect(normalized(applyDiff(base, diffBoards(base, b)))).toStrictEqual(normalized(b));
  });

  test("leaves the first board untouched", () => {
    const before = structuredClone(base);
    const b = edited(base, (copy) => (copy.players[0].aliases = ["x"]));
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

describe("notes and threads in a diff", () => {
  test("reports notes and threads added, resolved, reopened and replied to, apart from the chain and the answers", () => {
    const ada = { name: "Ada" };
    const at = "2026-11-28T10:00:00.000Z";
    const before = { title: "B", players: [], channels: [], notes: [{ id: "n1", text: "old", color: "yellow", x: 0, y: 0 }], comments: [
      { id: "t1", target: { x: 0, y: 0 }, resolved: false, messages: [{ id: "m1", author: ada, text: "a", at }] },
      { id: "t2", target: { x: 0, y: 0 }, resolved: true, messages: [{ id: "m2", author: ada, text: "b", at }] },
    ] };
    const after = { ...before, notes: [{ id: "n2", text: "new", color: "pink", x: 0, y: 0 }], comments: [
      { ...before.comments[0], resolved: true, messages: [...before.comments[0].messages, { id: "m3", author: ada, text: "c", at }] },
      { ...before.comments[1], resolved: false },
      { id: "t3", target: { player: "p" }, resolved: false, messages: [{ id: "m4", author: ada, text: "d", at }] },
    ] };
    const d = diffBoards(before, after);
    expect(d.discussion.notes.added.map((n) => n.id)).toEqual(["n2"]);
    expect(d.discussion.notes.removed.map((n) => n.id)).toEqual(["n1"]);
    expect(d.discussion.threads.added.map((t) => t.id)).toEqual(["t3"]);
    expect(d.discussion.threads.resolved.map((t) => t.id)).toEqual(["t1"]);
    expect(d.discussion.threads.reopened.map((t) => t.id)).toEqual(["t2"]);
    expect(d.discussion.threads.replied.map((r) => [r.thread.id, r.count])).toEqual([["t1", 1]]);
    expect(d.answers).toEqual([]);
    expect(isEmptyDiff(d)).toBe(false);
    expect(isEmptyDiff(diffBoards(after, after))).toBe(true);
  });
});
