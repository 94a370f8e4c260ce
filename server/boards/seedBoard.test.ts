import { describe, expect, it } from "vitest";
import { DEFAULT_BOARD_TITLE } from "../../lib/valuechain/model";
import { TEMPLATES } from "../../lib/valuechain/templates";
import { seedBoard } from "./seedBoard";

describe("a new board's content", () => {
  it("is blank and untitled unless asked otherwise", () => {
    expect(seedBoard()).toEqual({ title: DEFAULT_BOARD_TITLE, players: [], channels: [] });
    expect(seedBoard(undefined, "FY27 review").title).toBe("FY27 review");
  });

  it("takes a template's content and title, or the title asked for", () => {
    expect(seedBoard("building-products")).toEqual(TEMPLATES["building-products"].board);
    expect(seedBoard("building-products", "Ours")).toEqual({ ...TEMPLATES["building-products"].board, title: "Ours" });
  });

  it("refuses a template it does not know, Object's members included, naming the field", () => {
    for (const id of ["nope", "__proto__", "toString", "constructor"]) {
      expect(() => seedBoard(id)).toThrow(expect.objectContaining({ reason: "unknown_template", path: "template" }));
    }
  });
});
