import { describe, expect, it } from "vitest";
import { checkAnswers, leader, RoundAnswersSchema, scoreRound, type ParticipantAnswers } from "./rounds";
import { board, goods, player } from "../../tests/helpers/boards";

const chain = board([goods("us", "dealer"), goods("dealer", "home")], [player("us", { isUs: true, name: "Acme" }), player("dealer", { name: "Dealer" })]);
const p = (ref: string, name: string, fn: string, answers: ParticipantAnswers["answers"]): ParticipantAnswers => ({ ref, name, function: fn, answers });

describe("scoring a revealed round", () => {
  it("marks a segment split when three people give three answers, with who chose what", () => {
    const scores = scoreRound(["customer"], [
      p("a", "Ann", "Sales", { customer: { dealer: { value: "yes", why: "they pay us" } } }),
      p("b", "Ben", "Finance", { customer: { dealer: { value: "no" } } }),
      p("c", "Cy", "Marketing", { customer: { dealer: { value: "undecided" } } }),
    ], chain);
    expect(scores.items).toHaveLength(1);
    const item = scores.items[0];
    expect(item).toMatchObject({ question: "customer", item: "dealer", answered: 3, level: "split" });
    expect(item.agreement).toBeCloseTo(1 / 3);
    expect(item.distribution.map((d) => [d.value, d.who.map((w) => `${w.name}/${w.function}`)])).toEqual([
      ["no", ["Ben/Finance"]],
      ["undecided", ["Cy/Marketing"]],
      ["yes", ["Ann/Sales"]],
    ]);
    expect(scores.kappa).toBeLessThan(0);
  });

  it("puts the most contested items first and offers the majority answer to adopt", () => {
    const scores = scoreRound(["strategy"], [
      p("a", "Ann", "Sales", { strategy: { dealer: "push", home: "pull" } }),
      p("b", "Ben", "Finance", { strategy: { dealer: "push", home: "push" } }),
      p("c", "Cy", "Ops", { strategy: { dealer: "push", home: "specification" } }),
    ], chain);
    expect(scores.items.map((i) => [i.item, i.level, i.leading, i.tied])).toEqual([
      ["home", "split", null, ["pull", "push", "specification"]],
      ["dealer", "unanimous", "push", []],
    ]);
  });

  it("shows a 1-1 split as a tie: no answer leads, and the agreement is still 50 %", () => {
    const scores = scoreRound(["customer"], [
      p("a", "Ann", "Sales", { customer: { dealer: { value: "yes" } } }),
      p("b", "Ben", "Finance", { customer: { dealer: { value: "no" } } }),
    ], chain);
    expect(scores.items[0]).toMatchObject({ level: "split", agreement: 0.5, leading: null, tied: ["no", "yes"] });
  });

  it("lets a 2-1 majority lead, but not an answer only one person gave", () => {
    const twoOne = scoreRound(["customer"], [
      p("a", "Ann", "Sales", { customer: { dealer: { value: "yes" } } }),
      p("b", "Ben", "Finance", { customer: { dealer: { value: "yes" } } }),
      p("c", "Cy", "Ops", { customer: { dealer: { value: "no" } } }),
    ], chain);
    expect(twoOne.items[0]).toMatchObject({ level: "majority", leading: "yes", tied: [] });
    const alone = scoreRound(["names"], [p("a", "Ann", "Sales", { names: { dealer: "Reseller" } })], chain);
    expect(alone.items[0]).toMatchObject({ top: "reseller", leading: null, tied: [] });
  });

  it("finds the leader of any sorted distribution", () => {
    expect(leader([])).toEqual({ tied: [], leading: null });
    expect(leader([{ value: "a", count: 3 }, { value: "b", count: 3 }, { value: "c", count: 1 }])).toEqual({ tied: ["a", "b"], leading: null });
    expect(leader([{ value: "a", count: 2 }, { value: "b", count: 1 }, { value: "c", count: 1 }])).toEqual({ tied: [], leading: "a" });
    expect(leader([{ value: "a", count: 1 }])).toEqual({ tied: [], leading: null });
  });

  it("treats names case- and space-insensitively, so spelling is not disagreement", () => {
    const scores = scoreRound(["names"], [
      p("a", "Ann", "Sales", { names: { dealer: "Reseller" } }),
      p("b", "Ben", "Finance", { names: { dealer: " reseller " } }),
      p("c", "Cy", "Ops", { names: { dealer: "Dealer" } }),
    ], chain);
    expect(scores.items[0]).toMatchObject({ level: "majority", top: "reseller", leading: "reseller" });
  });

  it("scores 'who starts' per player: picking one is saying no to the others", () => {
    const scores = scoreRound(["starts"], [
      p("a", "Ann", "Sales", { starts: ["us"] }),
      p("b", "Ben", "Finance", { starts: ["us", "dealer"] }),
    ], chain);
    expect(scores.items.map((i) => [i.item, i.level])).toEqual([
      ["dealer", "split"],
      ["us", "unanimous"],
    ]);
  });

  it("has no kappa with a single participant", () => {
    const scores = scoreRound(["us"], [p("a", "Ann", "Sales", { us: "us" })], chain);
    expect(scores.kappa).toBeNull();
  });
});

describe("checking answers", () => {
  it("rejects questions not asked and players not on the board, naming the path", () => {
    const answers = RoundAnswersSchema.parse({ strategy: { ghost: "push" } });
    expect(checkAnswers(answers, ["customer"], chain)).toMatchObject({ path: "answers.strategy" });
    expect(checkAnswers(answers, ["strategy"], chain)).toMatchObject({ path: "answers.strategy.ghost" });
    expect(checkAnswers(RoundAnswersSchema.parse({ starts: ["us", "nope"] }), ["starts"], chain)).toMatchObject({ path: "answers.starts[1]" });
    expect(checkAnswers(RoundAnswersSchema.parse({ us: "us" }), ["us"], chain)).toBeNull();
  });

  it("rejects unknown fields and values", () => {
    expect(RoundAnswersSchema.safeParse({ customer: { dealer: { value: "maybe" } } }).success).toBe(false);
    expect(RoundAnswersSchema.safeParse({ colour: {} }).success).toBe(false);
    expect(RoundAnswersSchema.safeParse(JSON.parse('{"__proto__": {"polluted": true}}')).success).toBe(false);
    expect(RoundAnswersSchema.safeParse(JSON.parse('{"strategy": {"__proto__": "push"}}')).success).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("answers keyed by object keys", () => {
  // "__proto__" never reaches the schema: every JSON body with that key is refused (server/api/http.ts).
  it("refuses answers keyed by constructor or prototype instead of treating them as players", () => {
    for (const key of ["constructor", "prototype"]) {
      const parsed = RoundAnswersSchema.safeParse(JSON.parse(`{"strategy": {"${key}": "push"}}`));
      expect(parsed.success, key).toBe(false);
    }
    expect(RoundAnswersSchema.safeParse({ strategy: { p1: "push" } }).success).toBe(true);
  });
});
