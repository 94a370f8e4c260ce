import { describe, expect, test } from "vitest";
import { BOARD_LIMITS, formatPath, parseBoardFile, toBoardFile } from "./schema";
import { DEFAULT_BOARD_TITLE, PLAYER_DEFAULTS, type Board } from "./model";
import { board, goods, influence, player } from "../../tests/helpers/boards";

const minimalPlayer = { id: "p1", name: "Maker", kind: "manufacturer" };

function file(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: "chainboard/v1", title: "T", players: [minimalPlayer], channels: [], ...fields };
}

function errorOf(input: unknown) {
  const result = parseBoardFile(input);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.error;
}

describe("parseBoardFile", () => {
  test("accepts the example file of PRODUCT.md", () => {
    const result = parseBoardFile({
      format: "chainboard/v1",
      title: "FY27",
      players: [
        { id: "p1", name: "Us", kind: "manufacturer", x: 0, y: 0, isUs: true, consumer: false, customer: "undecided", why: "", strategy: "none", transaction: "none", notes: "", aliases: [] },
        { id: "p2", name: "Dealer", kind: "retailer" },
      ],
      channels: [{ id: "c1", from: "p1", to: "p2", flow: "goods", label: "", share: 60 }],
    });
    expect(result.ok).toBe(true);
  });

  test("fills every missing optional field with its default", () => {
    const result = parseBoardFile({
      format: "chainboard/v1",
      players: [minimalPlayer, { id: "p2", name: "B", kind: "other" }],
      channels: [{ id: "c1", from: "p1", to: "p2" }],
    });
    expect(result).toEqual({
      ok: true,
      board: {
        format: "chainboard/v1",
        title: DEFAULT_BOARD_TITLE,
        players: [
          { ...minimalPlayer, ...PLAYER_DEFAULTS },
          { id: "p2", name: "B", kind: "other", ...PLAYER_DEFAULTS },
        ],
        channels: [{ id: "c1", from: "p1", to: "p2", flow: "goods", label: "" }],
      },
    });
    if (result.ok) {
      expect("share" in result.board.channels[0]).toBe(false);
      // Defaults are fresh values: editing one player's aliases must not touch another's.
      expect(result.board.players[0].aliases).not.toBe(result.board.players[1].aliases);
    }
  });

  test("treats a file without players and channels as an empty board", () => {
    expect(parseBoardFile({ format: "chainboard/v1", title: "Empty" })).toEqual({
      ok: true,
      board: { format: "chainboard/v1", title: "Empty", players: [], channels: [] },
    });
  });

  test("rejects a missing or different format", () => {
    expect(errorOf({ title: "x" })).toMatchObject({ code: "invalid_board_file", path: "format" });
    expect(errorOf(file({ format: "chainboard/v2" })).message).toBe('format: expected "chainboard/v1"');
  });

  test("rejects what is not an object at the root", () => {
    expect(errorOf(null)).toEqual({ code: "invalid_board_file", path: "", message: "board file: expected object, got null" });
    expect(errorOf([]).message).toBe("board file: expected object, got an array");
  });

  test("names the unknown field and its path", () => {
    const players = [minimalPlayer, minimalPlayer, { ...minimalPlayer, id: "p3", colour: "red" }];
    expect(errorOf(file({ players }))).toEqual({
      code: "invalid_board_file",
      path: "players[2].colour",
      message: "players[2].colour: unknown field",
    });
    expect(errorOf(file({ extra: 1 })).path).toBe("extra");
    expect(errorOf(file({ channels: [{ id: "c1", from: "p1", to: "p1", weight: 2 }] })).path).toBe("channels[0].weight");
  });

  test("lists the allowed values of an enum", () => {
    const error = errorOf(file({ players: [{ ...minimalPlayer, kind: "reseller" }] }));
    expect(error.path).toBe("players[0].kind");
    expect(error.message).toMatch(/^players\[0\]\.kind: expected one of supplier, manufacturer, importer, .*other$/);
    expect(errorOf(file({ channels: [{ id: "c1", from: "p1", to: "p1", flow: "money" }] })).message).toContain("goods, commercial, influence");
  });

  test("says which required field is missing and which value has the wrong type", () => {
    expect(errorOf(file({ players: [{ id: "p1", kind: "other" }] })).message).toBe("players[0].name: required");
    expect(errorOf(file({ players: [{ ...minimalPlayer, isUs: "yes" }] })).message).toBe("players[0].isUs: expected boolean, got string");
  });

  test("requires finite coordinates", () => {
    expect(errorOf(file({ players: [{ ...minimalPlayer, x: Number.POSITIVE_INFINITY }] })).path).toBe("players[0].x");
    expect(errorOf(file({ players: [{ ...minimalPlayer, y: Number.NaN }] })).path).toBe("players[0].y");
  });

  test("keeps shares between 0 and 100", () => {
    const channel = { id: "c1", from: "p1", to: "p1" };
    expect(parseBoardFile(file({ channels: [{ ...channel, share: 0 }] })).ok).toBe(true);
    expect(parseBoardFile(file({ channels: [{ ...channel, share: 100 }] })).ok).toBe(true);
    expect(errorOf(file({ channels: [{ ...channel, share: 100.5 }] })).message).toBe("channels[0].share: must be at most 100");
    expect(errorOf(file({ channels: [{ ...channel, share: -1 }] })).message).toBe("channels[0].share: must be at least 0");
  });

  test("bounds text lengths and list sizes", () => {
    expect(errorOf(file({ title: "x".repeat(BOARD_LIMITS.titleLength + 1) })).message).toBe("title: must be at most 200 characters");
    expect(errorOf(file({ players: [{ ...minimalPlayer, name: "x".repeat(201) }] })).path).toBe("players[0].name");
    expect(errorOf(file({ players: [{ ...minimalPlayer, why: "x".repeat(5001) }] })).path).toBe("players[0].why");
    expect(errorOf(file({ players: [{ ...minimalPlayer, notes: "x".repeat(5001) }] })).path).toBe("players[0].notes");
    const tooMany = Array.from({ length: BOARD_LIMITS.players + 1 }, (_, i) => ({ ...minimalPlayer, id: `p${i}` }));
    expect(errorOf(file({ players: tooMany })).message).toBe("players: must be at most 5000 items");
  });

  test("accepts the largest allowed board", () => {
    const players = Array.from({ length: BOARD_LIMITS.players }, (_, i) => ({ ...minimalPlayer, id: `p${i}` }));
    const channels = Array.from({ length: BOARD_LIMITS.channels }, (_, i) => ({ id: `c${i}`, from: `p${i % 5000}`, to: `p${(i * 7) % 5000}` }));
    expect(parseBoardFile(file({ players, channels })).ok).toBe(true);
  });

  test("requires aliases to be non-empty strings", () => {
    expect(errorOf(file({ players: [{ ...minimalPlayer, aliases: ["Dealer", ""] }] }))).toMatchObject({
      path: "players[0].aliases[1]",
      message: "players[0].aliases[1]: must not be empty",
    });
    expect(errorOf(file({ players: [{ ...minimalPlayer, aliases: [3] }] })).path).toBe("players[0].aliases[0]");
  });

  test("rejects duplicate player ids and duplicate channel ids", () => {
    expect(errorOf(file({ players: [minimalPlayer, { ...minimalPlayer, name: "Twin" }] }))).toEqual({
      code: "invalid_board_file",
      path: "players[1].id",
      message: 'players[1].id: duplicate player id "p1"',
    });
    const channel = { id: "c1", from: "p1", to: "p1" };
    expect(errorOf(file({ channels: [channel, channel] })).path).toBe("channels[1].id");
  });

  test("allows a channel to share its id with a player", () => {
    expect(parseBoardFile(file({ channels: [{ id: "p1", from: "p1", to: "p1" }] })).ok).toBe(true);
  });

  test("rejects a channel whose end does not exist", () => {
    expect(errorOf(file({ channels: [{ id: "c1", from: "p1", to: "p9" }] }))).toEqual({
      code: "invalid_board_file",
      path: "channels[0].to",
      message: 'channels[0].to: no player has the id "p9"',
    });
    expect(errorOf(file({ channels: [{ id: "c1", from: "ghost", to: "p1" }] })).path).toBe("channels[0].from");
  });

  test("rejects empty ids", () => {
    expect(errorOf(file({ players: [{ ...minimalPlayer, id: "" }] })).message).toBe("players[0].id: must not be empty");
  });
});

describe("formatPath", () => {
  test("writes indexes in brackets and keys with dots", () => {
    expect(formatPath(["players", 2, "aliases", 0])).toBe("players[2].aliases[0]");
    expect(formatPath([])).toBe("");
  });
});

describe("toBoardFile", () => {
  const sample: Board = board(
    [goods("p2", "p1", { share: 40, label: "via dealers" }), influence("p3", "p1"), goods("p2", "ghost")],
    [player("p2", { isUs: true, aliases: ["We"] }), player("p1", { consumer: true }), player("p3", { kind: "specifier" })],
  );
  // `board` adds a player for every channel end; drop "ghost" to leave a dangling channel behind.
  sample.players = sample.players.filter((p) => p.id !== "ghost");

  test("sorts players and channels by id and drops dangling channels", () => {
    const out = toBoardFile(sample);
    expect(out.format).toBe("chainboard/v1");
    expect(out.players.map((p) => p.id)).toEqual(["p1", "p2", "p3"]);
    expect(out.channels.map((c) => c.id)).toEqual(["p2>p1", "p3~p1"]);
  });

  test("writes every field, and share only when known", () => {
    const out = toBoardFile(sample);
    expect(Object.keys(out.players[0])).toEqual(["id", "name", "kind", "x", "y", "isUs", "consumer", "customer", "why", "strategy", "transaction", "notes", "aliases"]);
    expect(out.channels[0]).toEqual({ id: "p2>p1", from: "p2", to: "p1", flow: "goods", label: "via dealers", share: 40 });
    expect("share" in out.channels[1]).toBe(false);
  });

  test("does not share arrays with the board it came from", () => {
    const out = toBoardFile(sample);
    out.players[1].aliases.push("Changed");
    expect(sample.players.find((p) => p.id === "p2")?.aliases).toEqual(["We"]);
  });

  test("round-trips: parsing the canonical file gives the canonical file back", () => {
    const canonical = toBoardFile(sample);
    const parsed = parseBoardFile(JSON.parse(JSON.stringify(canonical)));
    expect(parsed).toStrictEqual({ ok: true, board: canonical });
  });
});
