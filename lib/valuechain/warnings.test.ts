import { describe, expect, test } from "vitest";
import { analyzeBoard } from "./answers";
import type { Board } from "./model";
import type { WarningCode } from "./warnings";
import { board, commercial, diamond, goods, influence, player } from "../../tests/helpers/boards";

function warningsOf(b: Board, code: WarningCode) {
  return analyzeBoard(b).warnings.filter((w) => w.code === code);
}

describe("goods cycles", () => {
  // s → a → b → c → a, c → z: a, b and c turn around in a loop.
  const cyclic = board([goods("s", "a"), goods("a", "b"), goods("b", "c"), goods("c", "a"), goods("c", "z")], [player("b", { isUs: true })]);

  test("warns once per cycle, naming its members", () => {
    expect(warningsOf(cyclic, "goods-cycle")).toEqual([
      { code: "goods-cycle", message: "Goods flow in a circle through A, B and C; they are counted as one stage.", ids: ["a", "b", "c"] },
    ]);
  });

  test("treats a channel from a player to itself as a cycle", () => {
    const b = board([goods("a", "a"), goods("a", "b")]);
    expect(warningsOf(b, "goods-cycle").map((w) => w.ids)).toEqual([["a"]]);
  });

  test("does not warn about a chain without cycles", () => {
    expect(warningsOf(diamond("m"), "goods-cycle")).toEqual([]);
  });
});

describe("the order of warnings", () => {
  test("orders warnings by code, then by ids", () => {
    const b = board([], [player("b", { customer: "yes" }), player("a", { customer: "no" })]);
    expect(analyzeBoard(b).warnings.map((w) => [w.code, ...w.ids])).toEqual([
      ["customer-without-why", "a"],
      ["customer-without-why", "b"],
      ["isolated-player", "a"],
      ["isolated-player", "b"],
      ["no-us"],
    ]);
  });
});

describe("warnings", () => {
  test("no-us: when nobody is marked as us, and not otherwise", () => {
    expect(warningsOf(diamond(), "no-us")).toHaveLength(1);
    expect(warningsOf(diamond("m"), "no-us")).toEqual([]);
  });

  test("several-us: names every player marked as us", () => {
    const b = diamond(undefined, [player("m", { isUs: true }), player("d1", { isUs: true })]);
    expect(warningsOf(b, "several-us")).toEqual([
      { code: "several-us", message: "D1 and M are all marked as us; the answers use D1. Agree on one.", ids: ["d1", "m"] },
    ]);
    expect(warningsOf(diamond("m"), "several-us")).toEqual([]);
  });

  test("customer-without-why: for a yes or a no without a reason, never for us or undecided", () => {
    const b = board([], [
      player("yes", { customer: "yes", why: "  " }),
      player("no", { customer: "no" }),
      player("fine", { customer: "yes", why: "we invoice them" }),
      player("open", { customer: "undecided" }),
      player("us", { isUs: true, customer: "yes" }),
    ]);
    expect(warningsOf(b, "customer-without-why").map((w) => w.ids[0])).toEqual(["no", "yes"]);
    expect(warningsOf(b, "customer-without-why")[0].message).toBe("NO is marked as not a customer, but nobody has written down why.");
  });

  test("isolated-player: for a player without any channel", () => {
    const b = board([influence("arch", "x")], [player("alone", { name: "Alone" })]);
    expect(warningsOf(b, "isolated-player")).toEqual([{ code: "isolated-player", message: "Alone has no channel to or from anyone.", ids: ["alone"] }]);
  });

  test("isolated-player: a channel to a deleted player does not count", () => {
    const b = board([goods("a", "gone")]);
    b.players = b.players.filter((p) => p.id !== "gone");
    expect(warningsOf(b, "isolated-player").map((w) => w.ids)).toEqual([["a"]]);
  });

  test("unreached-consumer: a marked consumer that no goods reach", () => {
    const b = board([goods("us", "d"), influence("d", "e")], [player("us", { isUs: true }), player("e", { consumer: true })]);
    expect(warningsOf(b, "unreached-consumer")).toEqual([
      { code: "unreached-consumer", message: "E is a consumer, but no goods channel leads to it.", ids: ["e"] },
    ]);
  });

  test("unreached-consumer: a consumer that goods from us never reach", () => {
    const b = board([goods("us", "d"), goods("other", "e")], [player("us", { isUs: true }), player("e", { consumer: true })]);
    expect(warningsOf(b, "unreached-consumer").map((w) => w.message)).toEqual(["E is a consumer, but goods from US never reach it."]);
  });

  test("unreached-consumer: not for consumers reached from us, nor reached at all when nobody is us", () => {
    expect(warningsOf(diamond("m"), "unreached-consumer")).toEqual([]);
    expect(warningsOf(diamond(), "unreached-consumer")).toEqual([]);
    expect(warningsOf(diamond("e1"), "unreached-consumer").map((w) => w.ids)).toEqual([["e2"]]);
  });

  test("customer-unreached: a customer that no channel of any flow leads to from us", () => {
    const b = board(
      [goods("us", "a"), influence("a", "b"), goods("x", "c")],
      [player("us", { isUs: true }), player("b", { customer: "yes", why: "w" }), player("c", { customer: "yes", why: "w" }), player("x", { customer: "no", why: "w" })],
    );
    expect(warningsOf(b, "customer-unreached")).toEqual([
      { code: "customer-unreached", message: "C is marked as a customer, but no channel leads there from US.", ids: ["c"] },
    ]);
  });

  test("transaction-mismatch: direct without a commercial channel with us", () => {
    const b = board([goods("us", "a"), commercial("b", "us")], [
      player("us", { isUs: true }),
      player("a", { transaction: "direct" }),
      player("b", { transaction: "direct" }),
    ]);
    expect(warningsOf(b, "transaction-mismatch").map((w) => [w.ids[0], w.message])).toEqual([
      ["a", "A is marked as buying directly, but there is no commercial channel between US and A."],
    ]);
  });

  test("transaction-mismatch: indirect while a commercial channel links us directly", () => {
    const b = board([commercial("us", "a"), goods("us", "b"), commercial("a", "b")], [
      player("us", { isUs: true }),
      player("a", { transaction: "indirect" }),
      player("b", { transaction: "indirect" }),
    ]);
    expect(warningsOf(b, "transaction-mismatch").map((w) => [w.ids[0], w.message])).toEqual([
      ["a", "A is marked as buying indirectly, but a commercial channel links US and A directly."],
    ]);
  });

  test("shares-not-100: shares that do not add up to 100", () => {
    const b = board([goods("a", "b", { share: 60 }), goods("a", "c", { share: 30 })]);
    expect(warningsOf(b, "shares-not-100")).toEqual([
      { code: "shares-not-100", message: "The goods shares leaving A add up to 90%, not 100%.", ids: ["a"] },
    ]);
  });

  test("shares-not-100: some channels with a share and others without", () => {
    const b = board([goods("a", "b", { share: 100 }), goods("a", "c")]);
    expect(warningsOf(b, "shares-not-100").map((w) => w.message)).toEqual(["Some goods channels leaving A have a share and others do not."]);
  });

  test("shares-not-100: not when shares add up within a hundredth, are absent, or are not goods", () => {
    const thirds = board([goods("a", "b", { share: 33.33 }), goods("a", "c", { share: 33.33 }), goods("a", "d", { share: 33.34 })]);
    const nearly = board([goods("a", "b", { share: 50 }), goods("a", "c", { share: 49.995 })]);
    const short = board([goods("a", "b", { share: 50 }), goods("a", "c", { share: 49.98 })]);
    const unknown = board([goods("a", "b"), goods("a", "c")]);
    const otherFlows = board([goods("a", "b", { share: 100 }), commercial("a", "c", { share: 20 })]);
    expect(warningsOf(thirds, "shares-not-100")).toEqual([]);
    expect(warningsOf(nearly, "shares-not-100")).toEqual([]);
    expect(warningsOf(short, "shares-not-100").map((w) => w.message)).toEqual(["The goods shares leaving A add up to 99.98%, not 100%."]);
    expect(warningsOf(unknown, "shares-not-100")).toEqual([]);
    expect(warningsOf(otherFlows, "shares-not-100")).toEqual([]);
  });

  test("specification-without-specifier: specification with no specifier influencing the player", () => {
    const b = board([influence("friend", "b"), influence("arch", "c")], [
      player("arch", { kind: "specifier" }),
      player("b", { strategy: "specification" }),
      player("c", { strategy: "specification" }),
      player("d", { kind: "specifier", strategy: "specification" }),
    ]);
    expect(warningsOf(b, "specification-without-specifier")).toEqual([
      { code: "specification-without-specifier", message: "The strategy for B is specification, but no specifier influences B.", ids: ["b"] },
    ]);
  });

  test("consumer-passes-goods-on: a marked consumer with outgoing goods, naming the player and its channels", () => {
    const b = board(
      [goods("us", "installer"), goods("installer", "homeowner", { label: "fitted" }), goods("homeowner", "tip")],
      [
        player("us", { isUs: true }),
        player("installer", { name: "Installer", consumer: true }),
        player("homeowner", { name: "Homeowner", consumer: true }),
        player("tip", { name: "Recycling centre", consumer: true }),
      ],
    );
    expect(warningsOf(b, "consumer-passes-goods-on")).toEqual([
      {
        code: "consumer-passes-goods-on",
        message:
          "Homeowner is marked as an ultimate consumer, yet passes goods on to Recycling centre. A consumer uses the product up, so routes end there: unmark it or remove that channel.",
        ids: ["homeowner"],
        channels: ["homeowner>tip"],
      },
      {
        code: "consumer-passes-goods-on",
        message:
          "Installer is marked as an ultimate consumer, yet passes goods on to Homeowner (“fitted”). A consumer uses the product up, so routes end there: unmark it or remove that channel.",
        ids: ["installer"],
        channels: ["installer>homeowner"],
      },
    ]);
  });

  test("consumer-passes-goods-on: one warning per consumer, listing every goods channel that leaves it", () => {
    const b = board([goods("e", "a"), goods("e", "b", { id: "e>b 1" }), goods("e", "b", { id: "e>b 2", label: "returns" })], [player("e", { consumer: true })]);
    const [found, ...others] = warningsOf(b, "consumer-passes-goods-on");
    expect(others).toEqual([]);
    expect(found.ids).toEqual(["e"]);
    expect(found.channels).toEqual(["e>a", "e>b 1", "e>b 2"]);
    expect(found.message).toBe("E is marked as an ultimate consumer, yet passes goods on to A, B and B (“returns”). A consumer uses the product up, so routes end there: unmark it or remove those channels.");
  });

  test("consumer-passes-goods-on: not for commercial or influence channels leaving a consumer, nor for players that are not consumers", () => {
    const lines = board([goods("us", "e"), commercial("e", "bank"), influence("e", "friend")], [player("us", { isUs: true }), player("e", { consumer: true })]);
    expect(warningsOf(lines, "consumer-passes-goods-on")).toEqual([]);
    // d passes goods on but is no consumer; e is where goods end without being marked.
    const notConsumers = board([goods("us", "d"), goods("d", "e")], [player("us", { isUs: true })]);
    expect(warningsOf(notConsumers, "consumer-passes-goods-on")).toEqual([]);
    const marked = board([goods("us", "d"), goods("d", "e")], [player("us", { isUs: true }), player("e", { consumer: true })]);
    expect(warningsOf(marked, "consumer-passes-goods-on")).toEqual([]);
  });

  test("a complete, consistent chain raises no warning at all", () => {
    const b = board(
      [goods("us", "d", { share: 100 }), goods("d", "e", { share: 100 }), commercial("us", "d"), influence("arch", "e")],
      [
        player("us", { isUs: true }),
        player("d", { customer: "yes", why: "we invoice them", transaction: "direct", strategy: "push" }),
        player("e", { customer: "no", why: "buys from D", transaction: "indirect", strategy: "specification", consumer: true }),
        player("arch", { kind: "specifier", customer: "no", why: "never buys" }),
      ],
    );
    expect(analyzeBoard(b).warnings).toEqual([]);
  });
});
