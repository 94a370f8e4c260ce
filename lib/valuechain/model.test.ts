import { describe, expect, test } from "vitest";
import { playerName } from "./model";
import { board, player } from "../../tests/helpers/boards";

describe("playerName", () => {
  test("gives the name, or the id when the name is blank or the player is gone", () => {
    const b = board([], [player("a", { name: "Dealer" }), player("b", { name: " " })]);
    expect(playerName(b, "a")).toBe("Dealer");
    expect(playerName(b, "b")).toBe("b");
    expect(playerName(b, "zzz")).toBe("zzz");
  });
});
