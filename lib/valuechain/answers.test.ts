import { describe, expect, test } from "vitest";
import { analyzeBoard, PATH_CAP, PATH_TOTAL_LENGTH_CAP } from "./answers";
import type { Channel, Player } from "./model";
import { board, commercial, diamond, goods, influence, player } from "../../tests/helpers/boards";
import { mulberry32, shuffle } from "../../tests/helpers/random";

describe("players, starts and consumers", () => {
  test("groups player ids by kind, sorted, in the order of the kinds", () => {
    const b = board([], [player("b", { kind: "installer" }), player("a", { kind: "installer" }), player("c", { kind: "supplier" })]);
    const answers = analyzeBoard(b);
    expect(answers.players).toEqual({ supplier: ["c"], installer: ["a", "b"] });
    expect(Object.keys(answers.players)).toEqual(["supplier", "installer"]);
  });

  test("finds several starts and several consumers from the goods flow", () => {
    const answers = analyzeBoard(diamond());
    expect(answers.starts).toEqual(["s1", "s2"]);
    expect(answers.consumers).toEqual(["e1", "e2"]);
  });

  test("prefers marked consumers over the sinks of goods flow", () => {
    const answers = analyzeBoard(diamond(undefined, [player("d1", { consumer: true })]));
    expect(answers.consumers).toEqual(["d1"]);
  });

  test("does not count a player without goods as a sink or a start", () => {
    const answers = analyzeBoard(board([goods("a", "b")], [player("lonely")]));
    expect(answers.starts).toEqual(["a"]);
    expect(answers.consumers).toEqual(["b"]);
  });

  test("ignores commercial and influence channels for starts, consumers, stages and channels", () => {
    const b = board(
      [goods("us", "d"), goods("d", "e"), commercial("us", "e"), influence("arch", "e"), commercial("e", "bank")],
      [player("us", { isUs: true })],
    );
    const answers = analyzeBoard(b);
    expect(answers.starts).toEqual(["us"]);
    expect(answers.consumers).toEqual(["e"]);
    expect(answers.us).toEqual({ id: "us", stage: 1, stages: 3 });
    expect(answers.channels.paths).toEqual([["us", "d", "e"]]);
  });

  test("ignores channels whose player was deleted", () => {
    const b = board([goods("us", "d"), goods("d", "gone")], [player("us", { isUs: true })]);
    b.players = b.players.filter((p) => p.id !== "gone");
    const answers = analyzeBoard(b);
    expect(answers.consumers).toEqual(["d"]);
    expect(answers.channels.paths).toEqual([["us", "d"]]);
  });
});

describe("where we are", () => {
  test("places us in the middle of the chain", () => {
    expect(analyzeBoard(diamond("m")).us).toEqual({ id: "m", stage: 2, stages: 4 });
  });

  test("places us at the start", () => {
    expect(analyzeBoard(diamond("s1")).us).toEqual({ id: "s1", stage: 1, stages: 4 });
  });

  test("places us at the end", () => {
    expect(analyzeBoard(diamond("e2")).us).toEqual({ id: "e2", stage: 4, stages: 4 });
  });

  test("takes the longest route to us when routes of different length lead there", () => {
    const b = board([goods("a", "b"), goods("b", "c"), goods("c", "us"), goods("a", "us")], [player("us", { isUs: true })]);
    expect(analyzeBoard(b).us).toEqual({ id: "us", stage: 4, stages: 4 });
  });

  test("puts a player without goods flow at stage 1", () => {
    expect(analyzeBoard(board([], [player("us", { isUs: true })])).us).toEqual({ id: "us", stage: 1, stages: 1 });
  });

  test("answers null when nobody is us", () => {
    expect(analyzeBoard(diamond()).us).toBeNull();
  });

  test("uses the us with the smallest id when several are marked", () => {
    const answers = analyzeBoard(diamond(undefined, [player("m", { isUs: true }), player("d1", { isUs: true })]));
    expect(answers.us?.id).toBe("d1");
    expect(answers.channels.paths).toEqual([["d1", "e1"]]);
  });
});

describe("goods cycles", () => {
  // s → a → b → c → a, c → z: a, b and c turn around in a loop.
  const cyclic = board([goods("s", "a"), goods("a", "b"), goods("b", "c"), goods("c", "a"), goods("c", "z")], [player("b", { isUs: true })]);

  test("gives the members of a cycle one shared stage", () => {
    expect(analyzeBoard(cyclic).us).toEqual({ id: "b", stage: 2, stages: 3 });
  });

  test("still enumerates the simple paths through a cycle", () => {
    expect(analyzeBoard(cyclic).channels).toMatchObject({ paths: [["b", "c", "z"]], count: 1, capped: false });
  });
});

describe("distribution channels", () => {
  test("lists every path from us to a consumer, sorted by ids", () => {
    const b = board([goods("us", "z"), goods("us", "b"), goods("b", "z"), goods("us", "a"), goods("a", "b")], [player("us", { isUs: true })]);
    const { channels } = analyzeBoard(b);
    expect(channels.paths).toEqual([
      ["us", "a", "b", "z"],
      ["us", "b", "z"],
      ["us", "z"],
    ]);
    expect(channels.count).toBe(3);
    expect(channels.capped).toBe(false);
  });

  test("starts from every start when nobody is us", () => {
    expect(analyzeBoard(diamond()).channels.paths).toEqual([
      ["s1", "m", "d1", "e1"],
      ["s1", "m", "d2", "e2"],
      ["s2", "m", "d1", "e1"],
      ["s2", "m", "d2", "e2"],
    ]);
  });

  test("counts one path when two channels join the same two players", () => {
    const b = board([goods("us", "e", { id: "x1" }), goods("us", "e", { id: "x2" })], [player("us", { isUs: true })]);
    expect(analyzeBoard(b).channels.paths).toEqual([["us", "e"]]);
  });

  test("ends a path at the first consumer it reaches, never going on through it to another", () => {
    const b = board([goods("us", "a"), goods("a", "b")], [player("us", { isUs: true }), player("a", { consumer: true }), player("b", { consumer: true })]);
    expect(analyzeBoard(b).channels.paths).toEqual([["us", "a"]]);
  });

  test("has no channel when us is itself the end of the chain", () => {
    expect(analyzeBoard(diamond("e1")).channels).toEqual({ count: 0, paths: [], shares: [], missingShares: [], capped: false });
  });

  test("stops at the cap on a dense graph (2^28 paths) instead of walking it", () => {
    // A complete DAG of 30 players has 2^28 paths from the first to the last.
    const ids = Array.from({ length: 30 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    const channels: Channel[] = [];
    ids.forEach((from, i) => ids.slice(i + 1).forEach((to) => channels.push(goods(from, to))));
    const b = board(channels, [player("n00", { isUs: true })]);
    const { channels: answer } = analyzeBoard(b);
    expect(answer.capped).toBe(true);
    expect(answer.count).toBe(PATH_CAP);
    expect(answer.paths).toHaveLength(PATH_CAP);
    expect(answer.paths[0]).toEqual(ids);
  });

  test("stops at the cap on a dense graph full of cycles", () => {
    // Every player sends goods to every other: paths abound, and most branches loop back.
    const ids = Array.from({ length: 14 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    const channels = ids.flatMap((from) => ids.filter((to) => to !== from).map((to) => goods(from, to)));
    const b = board(channels, [player("n00", { isUs: true }), player("n13", { consumer: true })]);
    const answers = analyzeBoard(b);
    expect(answers.channels.capped).toBe(true);
    expect(answers.warnings.filter((w) => w.code === "goods-cycle")).toHaveLength(1);
  });

  // How long it takes is measured by `npm run bench`, never asserted here (shared, noisy machines).
  test("answers a tangled board of the largest allowed size compactly, within its path budget", () => {
    // 5,000 players and 20,000 random goods channels: cycles everywhere, paths thousands long.
    const random = mulberry32(1);
    const channels: Channel[] = [];
    for (let i = 0; i < 20_000; i++) {
      const [from, to] = [Math.floor(random() * 5000), Math.floor(random() * 5000)];
      if (from !== to) channels.push(goods(`p${from}`, `p${to}`, { id: `c${i}` }));
    }
    const b = board(channels, [player("p0", { isUs: true })]);
    const answers = analyzeBoard(b);
    expect(answers.channels.capped).toBe(true);
    expect(answers.channels.paths.flat().length).toBeLessThanOrEqual(PATH_TOTAL_LENGTH_CAP);
  });

  test("returns paths in sorted order even when capped", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    const channels: Channel[] = [];
    ids.forEach((from, i) => ids.slice(i + 1).forEach((to) => channels.push(goods(from, to))));
    const { paths } = analyzeBoard(board(channels, [player("n00", { isUs: true }), player("n19", { consumer: true })])).channels;
    const keys = paths.map((p) => p.join(" "));
    expect(keys).toEqual([...keys].sort());
  });

  test("reports the product of the shares along each path", () => {
    const b = board(
      [goods("us", "d", { share: 60 }), goods("us", "e", { share: 40 }), goods("d", "e", { share: 50 }), goods("d", "x", { share: 50 })],
      [player("us", { isUs: true }), player("e", { consumer: true })],
    );
    const { channels } = analyzeBoard(b);
    expect(channels.paths).toEqual([
      ["us", "d", "e"],
      ["us", "e"],
    ]);
    expect(channels.shares).toEqual([30, 40]);
  });

  test("reports no share for a path with a channel of unknown share", () => {
    const b = board([goods("us", "d", { share: 100 }), goods("d", "e")], [player("us", { isUs: true })]);
    expect(analyzeBoard(b).channels.shares).toEqual([null]);
  });

  test("adds up the shares of parallel channels between the same players", () => {
    const b = board(
      [goods("us", "d", { id: "a", share: 30 }), goods("us", "d", { id: "b", share: 20 }), goods("us", "e", { share: 50 }), goods("d", "e", { share: 100 })],
      [player("us", { isUs: true }), player("e", { consumer: true })],
    );
    expect(analyzeBoard(b).channels.shares).toEqual([50, 50]);
  });

  test("rounds away floating-point noise in share products", () => {
    const b = board([goods("us", "d", { share: 10 }), goods("us", "x", { share: 90 }), goods("d", "e", { share: 20 }), goods("d", "y", { share: 80 })], [
      player("us", { isUs: true }),
      player("e", { consumer: true }),
    ]);
    expect(analyzeBoard(b).channels.shares).toEqual([2]);
  });
});

describe("volume shares, each unit counted once", () => {
  const sum = (shares: (number | null)[]) => (shares as number[]).reduce((total, s) => total + s, 0);

  test("parallel routes split our volume and add up to 100% when every share is set", () => {
    // us splits 60/40 between two distributors; both feed both dealers; both dealers feed the end user.
    const b = board(
      [
        goods("us", "d1", { share: 60 }),
        goods("us", "d2", { share: 40 }),
        goods("d1", "r1", { share: 50 }),
        goods("d1", "r2", { share: 50 }),
        goods("d2", "r1", { id: "d2>r1 stock", share: 75 }),
        goods("d2", "r1", { id: "d2>r1 rush", share: 5 }),
        goods("d2", "r2", { share: 20 }),
        goods("r1", "e", { share: 100 }),
        goods("r2", "e", { share: 100 }),
      ],
      [player("us", { isUs: true }), player("e", { consumer: true })],
    );
    const { channels } = analyzeBoard(b);
    expect(channels.paths).toEqual([
      ["us", "d1", "r1", "e"],
      ["us", "d1", "r2", "e"],
      ["us", "d2", "r1", "e"],
      ["us", "d2", "r2", "e"],
    ]);
    expect(channels.shares).toEqual([30, 30, 32, 8]);
    expect(sum(channels.shares)).toBeCloseTo(100, 9);
    expect(channels.missingShares).toEqual([]);
  });

  test("names exactly the channels along the routes that lack a share, and no other", () => {
    const b = board(
      [
        goods("us", "d1", { share: 60 }),
        goods("us", "d2"),
        goods("d1", "e", { id: "d1>e a", share: 50 }),
        goods("d1", "e", { id: "d1>e b" }),
        goods("d1", "x"), // x never reaches a consumer: on no route
        goods("d2", "e"),
        goods("e", "later"), // leaves the consumer: on no route
        commercial("us", "e"), // not goods: has no share to miss
        influence("arch", "e"),
      ],
      [player("us", { isUs: true }), player("e", { consumer: true })],
    );
    const { channels } = analyzeBoard(b);
    expect(channels.paths).toEqual([
      ["us", "d1", "e"],
      ["us", "d2", "e"],
    ]);
    expect(channels.shares).toEqual([null, null]);
    expect(channels.missingShares).toEqual(["d1>e b", "d2>e", "us>d2"]);
  });

  test("lists no missing share once the last one is set", () => {
    const b = board([goods("us", "a", { share: 100 }), goods("a", "e")], [player("us", { isUs: true })]);
    expect(analyzeBoard(b).channels.missingShares).toEqual(["a>e"]);
    b.channels[1] = { ...b.channels[1], share: 100 };
    expect(analyzeBoard(b).channels).toMatchObject({ shares: [100], missingShares: [] });
  });

  test("a route through a consumer ends there, so the volume it passes on is not counted again", () => {
    // The installer is marked as a consumer yet ships to the homeowner; a project route goes straight there.
    const b = board(
      [goods("us", "merchant", { share: 70 }), goods("us", "homeowner", { share: 30 }), goods("merchant", "installer", { share: 100 }), goods("installer", "homeowner", { share: 100 })],
      [player("us", { isUs: true }), player("installer", { consumer: true }), player("homeowner", { consumer: true })],
    );
    const { channels } = analyzeBoard(b);
    expect(channels.paths).toEqual([
      ["us", "homeowner"],
      ["us", "merchant", "installer"],
    ]);
    expect(channels.shares).toEqual([30, 70]);
    expect(sum(channels.shares)).toBe(100);
  });

  test("a share missing past a consumer is on no route, so it is not missing", () => {
    const b = board([goods("us", "installer", { share: 100 }), goods("installer", "homeowner")], [
      player("us", { isUs: true }),
      player("installer", { consumer: true }),
      player("homeowner", { consumer: true }),
    ]);
    expect(analyzeBoard(b).channels).toMatchObject({ paths: [["us", "installer"]], shares: [100], missingShares: [] });
  });

  test("two distributors feeding two dealers that feed the end user, with a consumer that still ships, add up to 100%, not 198%", () => {
    // The board behind the report: routes listed as 49 + 49 + 35 + 35 + 30 because each route to the
    // installer (marked as the consumer) was listed again going on to the homeowner.
    const b = board(
      [
        goods("us", "dist1", { share: 70 }),
        goods("us", "dist2", { share: 30 }),
        goods("dist1", "dealer1", { share: 70 }),
        goods("dist1", "dealer2", { share: 30 }),
        goods("dist2", "dealer1", { share: 50 }),
        goods("dist2", "dealer2", { share: 50 }),
        goods("dealer1", "installer", { share: 100 }),
        goods("dealer2", "installer", { share: 50 }),
        goods("dealer2", "homeowner", { share: 50 }),
        goods("installer", "homeowner", { share: 100 }),
      ],
      [player("us", { isUs: true }), player("installer", { kind: "installer", consumer: true }), player("homeowner", { kind: "end-user", consumer: true })],
    );
    const { channels, warnings } = analyzeBoard(b);
    expect(channels.paths).toEqual([
      ["us", "dist1", "dealer1", "installer"],
      ["us", "dist1", "dealer2", "homeowner"],
      ["us", "dist1", "dealer2", "installer"],
      ["us", "dist2", "dealer1", "installer"],
      ["us", "dist2", "dealer2", "homeowner"],
      ["us", "dist2", "dealer2", "installer"],
    ]);
    expect(channels.shares).toEqual([49, 10.5, 10.5, 15, 7.5, 7.5]);
    expect(sum(channels.shares)).toBeCloseTo(100, 9);
    expect(channels.missingShares).toEqual([]);
    // No route runs through a consumer: each unit of volume ends at the first one it reaches.
    for (const path of channels.paths) expect(path.slice(1, -1).filter((id) => id === "installer" || id === "homeowner")).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["consumer-passes-goods-on"]);
  });

  test("on random chains where everyone shares out 100%, the routes always add up to 100% of our volume", () => {
    // Seeded: goods flow forward from us (player 0); some players are consumers, a few of which
    // still pass goods on; every player without outgoing goods is a consumer, so all volume ends somewhere.
    const random = mulberry32(42);
    for (let round = 0; round < 200; round++) {
      const n = 3 + Math.floor(random() * 8);
      const ids = Array.from({ length: n }, (_, i) => `n${i}`);
      const channels: Channel[] = [];
      const players: Player[] = [];
      ids.forEach((id, i) => {
        // Us always ships somewhere.
        const later = ids.slice(i + 1).filter((_, j) => (i === 0 && j === 0) || random() < 0.5);
        const consumer = i > 0 && (later.length === 0 || random() < 0.2);
        players.push(player(id, { isUs: i === 0, consumer }));
        let left = 100;
        later.forEach((to, j) => {
          const share = j === later.length - 1 ? left : Math.floor(random() * left);
          left -= share;
          channels.push(goods(id, to, { share }));
        });
      });
      const { channels: answer } = analyzeBoard(board(channels, players));
      expect(answer.missingShares).toEqual([]);
      expect(sum(answer.shares), `seed 42, round ${round}`).toBeCloseTo(100, 4);
    }
  });
});

describe("customers", () => {
  const b = board(
    [goods("us", "a"), goods("a", "b"), goods("b", "c")],
    [
      player("us", { isUs: true, customer: "yes", why: "ourselves" }),
      player("b", { customer: "no", why: "buys from A" }),
      player("a", { customer: "yes", why: "we invoice them" }),
    ],
  );

  test("splits players by their customer decision and leaves us out", () => {
    const answers = analyzeBoard(b);
    expect(answers.customers).toEqual([{ id: "a", why: "we invoice them" }]);
    expect(answers.nonCustomers).toEqual([{ id: "b", why: "buys from A" }]);
    expect(answers.undecided).toEqual(["c"]);
  });
});

describe("deterministic answers", () => {
  test("gives identical answers whatever the order of players and channels", () => {
    const b = board(
      [
        goods("s", "us", { share: 100 }),
        goods("us", "a", { share: 70 }),
        goods("us", "b", { share: 30 }),
        goods("a", "b"),
        goods("b", "a"),
        goods("a", "z"),
        goods("b", "z"),
        commercial("us", "a"),
        influence("arch", "z"),
      ],
      [player("us", { isUs: true }), player("arch", { kind: "specifier" }), player("z", { customer: "yes", transaction: "direct" }), player("lonely")],
    );
    const expected = JSON.stringify(analyzeBoard(b));
    const random = mulberry32(7);
    for (let i = 0; i < 20; i++) {
      const shuffled = { ...b, players: shuffle(b.players, random), channels: shuffle(b.channels, random) };
      expect(JSON.stringify(analyzeBoard(shuffled))).toBe(expected);
    }
  });
});
