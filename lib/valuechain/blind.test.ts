import { describe, expect, it } from "vitest";
import type { Warning } from "./warnings";
import { blindBoard, blindName, blindPlayer, hiddenDuring, visibleWarnings } from "./blind";
import { board, goods, player } from "../../tests/helpers/boards";

const us = player("us", { isUs: true, name: "Window manufacturer (us)", strategy: "none" });
const dealer = player("dealer", { name: "Dealer", customer: "yes", why: "they pay us", strategy: "push", transaction: "direct" });
const home = player("home", { name: "Homeowner", consumer: true });
const chain = board([goods("us", "dealer"), goods("dealer", "home")], [us, dealer, home]);
const open = (questions: string[], blind = true) => ({ status: "open", blind, questions });

describe("what a blind round hides", () => {
  it("hides the aspects an open blind round asks about, and nothing for names", () => {
    expect([...hiddenDuring(open(["customer", "strategy", "names"]))].sort()).toEqual(["customer", "strategy"]);
    expect(hiddenDuring(open(["names"])).size).toBe(0);
  });

  it("hides nothing once revealed or closed, for a round that is not blind, or without a round", () => {
    expect(hiddenDuring({ ...open(["us"]), status: "revealed" }).size).toBe(0);
    expect(hiddenDuring({ ...open(["us"]), status: "closed" }).size).toBe(0);
    expect(hiddenDuring(open(["us"], false)).size).toBe(0);
    expect(hiddenDuring(null).size).toBe(0);
  });

  it("shows each player without the answers asked about, and no name that says who is us", () => {
    const hidden = hiddenDuring(open(["us", "strategy", "transaction", "consumers", "customer"]));
    const b = blindBoard(chain, hidden);
    expect(b.players.map((p) => [p.id, p.name, p.isUs, p.strategy, p.transaction, p.consumer, p.why])).toEqual([
      ["us", "Window manufacturer", false, "none", "none", false, ""],
      ["dealer", "Dealer", false, "none", "none", false, ""],
      ["home", "Homeowner", false, "none", "none", false, ""],
    ]);
    expect(blindName("Snack brand ( US )", hidden)).toBe("Snack brand");
    expect(blindName("Us and them", hidden)).toBe("Us and them");
  });

  it("keeps the very same player object when nothing of it is hidden, so cards do not redraw", () => {
    expect(blindPlayer(home, hiddenDuring(open(["strategy"])))).toBe(home);
    expect(blindBoard(chain, hiddenDuring(open(["names"])))).toBe(chain);
    expect(blindPlayer(us, hiddenDuring(open(["customer"])))).toBe(us);
  });

  it("drops the warnings that would give a hidden answer away", () => {
    const warnings: Warning[] = [
      { code: "customer-without-why", message: "Dealer is a customer without a reason.", ids: ["dealer"] },
      { code: "isolated-player", message: "Window manufacturer (us) has no channel to or from anyone.", ids: ["us"] },
      { code: "goods-cycle", message: "Goods go round in a circle.", ids: ["dealer", "home"] },
      { code: "unreached-consumer", message: "Homeowner is a consumer, but no goods channel leads to it.", ids: ["home"] },
    ];
    const codes = (h: ReturnType<typeof hiddenDuring>) => visibleWarnings(warnings, h, chain).map((w) => w.code);
    expect(codes(hiddenDuring(open(["customer"])))).toEqual(["isolated-player", "goods-cycle", "unreached-consumer"]);
    expect(codes(hiddenDuring(open(["us"])))).toEqual(["customer-without-why", "goods-cycle"]);
    expect(visibleWarnings(warnings, hiddenDuring(null), chain)).toBe(warnings);
  });
});
