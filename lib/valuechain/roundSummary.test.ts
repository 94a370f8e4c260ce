import { describe, expect, it } from "vitest";
import { scoreRound, type ParticipantAnswers, type RoundQuestion } from "./rounds";
import { markdownText, roundSummary } from "./roundSummary";
import { board, goods, player } from "../../tests/helpers/boards";

const chain = board([goods("us", "dealer"), goods("dealer", "home")], [player("us", { isUs: true, name: "Acme" }), player("dealer", { name: "Dealer" })]);
const p = (ref: string, name: string, fn: string, answers: ParticipantAnswers["answers"]): ParticipantAnswers => ({ ref, name, function: fn, answers });
const round = (questions: RoundQuestion[]) => ({ questions, createdAt: "2026-11-27T10:00:00Z" });

describe("the round summary", () => {
  it("shows a 1-1 split as a tie", () => {
    const scores = scoreRound(["customer"], [
      p("a", "Ann", "Sales", { customer: { dealer: { value: "yes" } } }),
      p("b", "Ben", "Finance", { customer: { dealer: { value: "no" } } }),
    ], chain);
    expect(roundSummary(round(["customer"]), scores, chain, [])).toContain("50 % (split, a tie)");
  });

  it("names everyone who took part, and a player chosen as us by its name", () => {
    const scores = scoreRound(["us"], [p("a", "Ann", "Sales", { us: "us" })], chain);
    const text = roundSummary(round(["us"]), scores, chain, [{ name: "Ann", function: "Sales" }]);
    expect(text).toContain("Ann (Sales)");
    expect(text).toContain("Acme: Ann");
  });

  it("words the answers and questions as the workshop panel does", () => {
    const scores = scoreRound(["customer", "strategy", "starts"], [
      p("a", "Ann", "Sales", { customer: { dealer: { value: "yes" } }, strategy: { dealer: "push-pull" }, starts: ["us"] }),
      p("b", "Ben", "Finance", { customer: { dealer: { value: "no" } }, strategy: { dealer: "push-pull" }, starts: ["us", "dealer"] }),
    ], chain);
    const text = roundSummary(round(["customer", "strategy", "starts"]), scores, chain, []);
    expect(text).toContain("| Customer or not | Dealer | Not a customer: Ben; Customer: Ann | 50 % (split, a tie) |");
    expect(text).toContain("| Sales strategy | Dealer | Push and pull: Ann, Ben | 100 % (unanimous) |");
    expect(text).toContain("| Who starts the chain | Dealer | Does not start it: Ann; Starts the chain: Ben | 50 % (split, a tie) |");
  });
});

describe("the round summary neutralises user text (Markdown)", () => {
  it("escapes links, images, HTML and table cells, and keeps every name on one line", () => {
    const evil = ['<img src=x onerror="alert(1)">', "</script><script>alert(2)</script>", "[click](javascript:alert(3))", "![x](https://evil.example/t.png)", "Ann | forged | row", "Bob\n| injected | row | here |", "*bold* _em_ `code`"];
    for (const text of evil) {
      const out = markdownText(text);
      expect(out).not.toMatch(/\n/);
      expect(out).not.toMatch(/(^|[^\\])[<>[\]()|`*_!]/);
    }
  });
});
