import { describe, expect, it } from "vitest";
import { analyzeBoard } from "../lib/valuechain/answers";
import { parseBoardFile } from "../lib/valuechain/schema";
import { generateBoard } from "./generateBoard";

describe("generateBoard", () => {
  it.each([8, 9, 300, 1000])("makes a valid chainboard/v1 file of %i players and 1.5 channels per player", (players) => {
    const file = generateBoard(players);
    const parsed = parseBoardFile(JSON.parse(JSON.stringify(file)));
    expect(parsed.ok).toBe(true);
    expect(file.players).toHaveLength(players);
    expect(file.channels).toHaveLength(Math.round(1.5 * players));
  });

  it("draws no loop and at most one channel between two players in one direction", () => {
    const { channels } = generateBoard(1000);
    expect(channels.filter((c) => c.from === c.to)).toEqual([]);
    expect(new Set(channels.map((c) => `${c.from}>${c.to}`)).size).toBe(channels.length);
  });

  it("gives the same board for the same seed and another for another seed", () => {
    expect(generateBoard(300, 7)).toEqual(generateBoard(300, 7));
    expect(generateBoard(300, 7)).not.toEqual(generateBoard(300, 8));
  });

  it("draws one us among several manufacturers, ending at consumers it reaches", () => {
    const file = generateBoard(300);
    const answers = analyzeBoard(file);
    expect(file.players.filter((p) => p.isUs)).toHaveLength(1);
    expect(file.players.filter((p) => p.kind === "manufacturer").length).toBeGreaterThan(1);
    expect(answers.us?.stages).toBeGreaterThanOrEqual(6);
    expect(answers.channels.count).toBeGreaterThan(0);
    expect(answers.customers.length).toBeGreaterThan(0);
  });

  it("keeps every share split of a player at 100 percent", () => {
    const { channels } = generateBoard(1000);
    const totals = new Map<string, number>();
    for (const c of channels) if (c.share !== undefined) totals.set(c.from, (totals.get(c.from) ?? 0) + c.share);
    expect(totals.size).toBeGreaterThan(0);
    expect([...totals.values()].every((t) => t === 100)).toBe(true);
  });

  it("lays the players out in columns of stages, 320 apart, with rows 160 apart", () => {
    const { players } = generateBoard(300);
    expect(players.every((p) => p.x % 320 === 0 && p.y % 160 === 0)).toBe(true);
    expect(new Set(players.map((p) => p.x)).size).toBeGreaterThanOrEqual(6);
  });
});
