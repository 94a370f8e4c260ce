import { describe, expect, test } from "vitest";
import { analyzeBoard } from "./answers";
import { DEFAULT_BOARD_TITLE } from "./model";
import { parseBoardFile, toBoardFile } from "./schema";
import { boardFromTemplate, TEMPLATE_IDS, TEMPLATES } from "./templates";

const filled = TEMPLATE_IDS.filter((id) => id !== "blank");

describe("templates", () => {
  test("lists every template under its own id", () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const id of TEMPLATE_IDS) expect(TEMPLATES[id].id).toBe(id);
    expect(filled.length).toBeGreaterThanOrEqual(4);
  });

  test("the blank template is an empty untitled board", () => {
    expect(TEMPLATES.blank.board).toEqual({ title: DEFAULT_BOARD_TITLE, players: [], channels: [] });
  });

  test.each(TEMPLATE_IDS)("%s is a valid chainboard/v1 file", (id) => {
    const canonical = toBoardFile(TEMPLATES[id].board);
    expect(parseBoardFile(JSON.parse(JSON.stringify(canonical)))).toEqual({ ok: true, board: canonical });
    // Every channel is live: nothing is dropped on export.
    expect(canonical.channels).toHaveLength(TEMPLATES[id].board.channels.length);
  });

  test.each(filled)("%s answers the questions without contradictions", (id) => {
    const answers = analyzeBoard(TEMPLATES[id].board);
    expect(answers.us).not.toBeNull();
    expect(answers.channels.count).toBeGreaterThanOrEqual(1);
    expect(answers.channels.capped).toBe(false);
    const codes = answers.warnings.map((w) => w.code);
    expect(codes).not.toContain("goods-cycle");
    expect(codes).not.toContain("shares-not-100");
    // The templates are meant as finished examples: no warning at all.
    expect(answers.warnings).toEqual([]);
  });

  test.each(filled)("%s shares out all of our volume across its channels", (id) => {
    const { shares } = analyzeBoard(TEMPLATES[id].board).channels;
    expect(shares.every((s) => s !== null)).toBe(true);
    expect((shares as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });

  test.each(filled)("%s lays goods out left to right, ids numbered p1… and c1…", (id) => {
    const { players, channels } = TEMPLATES[id].board;
    const x = new Map(players.map((p) => [p.id, p.x]));
    for (const c of channels.filter((c) => c.flow === "goods")) expect(x.get(c.from)).toBeLessThan(x.get(c.to) as number);
    expect(players.map((p) => p.id)).toEqual(players.map((_, i) => `p${i + 1}`));
    expect(channels.map((c) => c.id)).toEqual(channels.map((_, i) => `c${i + 1}`));
  });

  test("boardFromTemplate returns a copy that can be edited freely", () => {
    const copy = boardFromTemplate("building-products");
    copy.players[0].aliases.push("Edited");
    copy.players.pop();
    expect(TEMPLATES["building-products"].board.players).toHaveLength(8);
    expect(TEMPLATES["building-products"].board.players[0].aliases).toEqual([]);
  });
});
