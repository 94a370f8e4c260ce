import { describe, expect, test } from "vitest";
import { diffAnswers, type AnswerChange } from "./answersDiff";
import { diffBoards } from "./boardDiff";
import type { Channel } from "./model";
import { TEMPLATES } from "./templates";
import { edited, goods, player, playerOf } from "../../tests/helpers/boards";

const base = TEMPLATES["building-products"].board;

function summaries(changes: AnswerChange[]): string[] {
  return changes.map((a) => a.summary);
}

describe("diffAnswers", () => {
  test("counts the parallel channels before and after", () => {
    const b = edited(base, (copy) => copy.channels.push(goods("p2", "p4", { id: "c99" })));
    const item = diffAnswers(base, b).find((a) => a.question === "channels");
    expect(item).toEqual({
      question: "channels",
      before: "3",
      after: "4",
      summary: "Parallel channels: 3 → 4 (+ Window manufacturer (us) → Window dealer → Installer → Homeowner)",
    });
  });

  test("reports a route replaced by another as a change with the same count", () => {
    const b = edited(base, (copy) => {
      const c3 = copy.channels.find((c) => c.id === "c3") as Channel;
      c3.to = "p5";
    });
    expect(summaries(diffAnswers(base, b))).toContain(
      "Parallel channels: still 3 (+ Window manufacturer (us) → Installer → Homeowner, − Window manufacturer (us) → Project installer → Homeowner)",
    );
  });

  test("names customers who join or leave", () => {
    const b = edited(base, (copy) => {
      playerOf(copy, "p7").customer = "yes";
      playerOf(copy, "p4").customer = "undecided";
    });
    expect(summaries(diffAnswers(base, b))).toEqual([
      "Customers: + Homeowner, − Window dealer",
      "Not customers: − Homeowner",
      "Undecided: + Window dealer",
    ]);
  });

  test("reports the stage of us moving", () => {
    const b = edited(base, (copy) => {
      copy.players.push(player("p0", { kind: "supplier" }));
      copy.channels.push(goods("p0", "p1", { id: "c0" }));
    });
    const d = diffAnswers(base, b);
    expect(summaries(d)).toContain("Where we are: stage 2 of 6 → stage 3 of 7");
    expect(summaries(d)).toContain("Starts: + P0, − Glass and profile supplier");
    expect(summaries(d)).toContain("Players: + P0");
  });

  test("reports us moving to another player, or being unmarked", () => {
    const moved = edited(base, (copy) => {
      playerOf(copy, "p2").isUs = false;
      playerOf(copy, "p3").isUs = true;
    });
    expect(summaries(diffAnswers(base, moved))).toContain("Where we are: Window manufacturer (us), stage 2 of 6 → Builders' merchant, stage 3 of 6");
    const unmarked = edited(base, (copy) => (playerOf(copy, "p2").isUs = false));
    const item = diffAnswers(base, unmarked).find((a) => a.question === "us");
    expect(item?.after).toBe("not marked");
  });

  test("reports a rewritten reason", () => {
    const b = edited(base, (copy) => (playerOf(copy, "p5").why = "Fits most windows."));
    expect(diffAnswers(base, b)).toEqual([
      { question: "why", before: "Chooses the window on most small jobs.", after: "Fits most windows.", summary: "Why Installer: “Chooses the window on most small jobs.” → “Fits most windows.”" },
    ]);
  });

  test("reports a player changing kind and consumers changing", () => {
    const b = edited(base, (copy) => {
      playerOf(copy, "p4").kind = "distributor";
      playerOf(copy, "p6").consumer = true;
    });
    const s = summaries(diffAnswers(base, b));
    expect(s).toContain("Window dealer: Retailer / dealer → Distributor");
    expect(s).toContain("Consumers: + Project installer");
    expect(s.some((line) => line.startsWith("Players:"))).toBe(false);
  });

  test("reports a renamed player under the questions, not only on the canvas", () => {
    const b = edited(base, (copy) => (playerOf(copy, "p8").name = "Architect practice"));
    const d = diffBoards(base, b);
    expect(d.players.changed.map((c) => c.id)).toEqual(["p8"]);
    expect(d.answers).toEqual([
      { question: "players", before: "Architect (Specifier)", after: "Architect practice (Specifier)", summary: "Architect practice: renamed from Architect" },
    ]);
  });

  test("reports names other people use, added and dropped", () => {
    const b = edited(base, (copy) => (playerOf(copy, "p4").aliases = ["Showroom", "Shop", "Stockist"]));
    expect(diffAnswers(base, b)).toEqual([
      {
        question: "players",
        before: "Window dealer (Retailer / dealer, also called Reseller, Showroom)",
        after: "Window dealer (Retailer / dealer, also called Showroom, Shop, Stockist)",
        summary: "Window dealer: also called Shop, Stockist; no longer called Reseller",
      },
    ]);
    // The same names in another order say the same thing.
    const reordered = edited(base, (copy) => playerOf(copy, "p4").aliases.reverse());
    expect(diffAnswers(base, reordered)).toEqual([]);
  });

  test("says a rename, a new kind and new names of one player in one line, beside the other answers it changes", () => {
    const b = edited(base, (copy) => {
      Object.assign(playerOf(copy, "p4"), { name: "Reseller", kind: "distributor", aliases: ["Showroom"], customer: "no" });
    });
    const s = summaries(diffAnswers(base, b));
    expect(s).toContain("Reseller: renamed from Window dealer; Retailer / dealer → Distributor; no longer called Reseller");
    // Everywhere else the player goes by its new name.
    expect(s).toContain("Customers: − Reseller");
    expect(s).toContain("Not customers: + Reseller");
  });

  test("lists every revised player, however many", () => {
    const b = edited(base, (copy) => copy.players.forEach((p) => (p.name = `${p.name} (new)`)));
    const revised = diffAnswers(base, b).filter((a) => a.question === "players");
    expect(revised.map((a) => a.summary)).toEqual(base.players.map((p) => `${p.name} (new): renamed from ${p.name}`));
  });

  test("an unnamed player is named by its id", () => {
    const b = edited(base, (copy) => (playerOf(copy, "p8").name = "  "));
    expect(summaries(diffAnswers(base, b))).toEqual(["p8: renamed from Architect"]);
  });

  test("lists at most five names, then says how many more", () => {
    const b = edited(base, (copy) => copy.players.push(...["a", "b", "c", "d", "e", "f", "g"].map((id) => player(id))));
    const item = diffAnswers(base, b).find((a) => a.question === "players");
    expect(item).toEqual({ question: "players", before: "8 players", after: "15 players", summary: "Players: + A, + B, + C, + D, + E and 2 more" });
  });
});
