import { describe, expect, it } from "vitest";
import { openTokens, sealTokens } from "./sharedLinks";
import { generateToken } from "./tokens";

describe("shared links sealed under a token", () => {
  const token = generateToken();
  const shared = { editor: generateToken(), viewer: generateToken() };

  it("open with the token and board they were sealed for", () => {
    const sealed = sealTokens(token, "board-1", shared);
    expect(openTokens(token, "board-1", sealed)).toEqual(shared);
    expect(sealed).not.toContain(shared.editor);
    expect(sealed).not.toContain(shared.viewer);
    // A fresh IV every time: the same links never seal to the same text.
    expect(sealTokens(token, "board-1", shared)).not.toBe(sealed);
  });

  it("open to nothing under another token, another board, or when tampered with", () => {
    const sealed = sealTokens(token, "board-1", shared);
    expect(openTokens(generateToken(), "board-1", sealed)).toEqual({});
    expect(openTokens(token, "board-2", sealed)).toEqual({});
    const [v, iv, body] = sealed.split(".");
    const flipped = `${body.slice(0, 5)}${body[5] === "A" ? "B" : "A"}${body.slice(6)}`;
    expect(openTokens(token, "board-1", [v, iv, flipped].join("."))).toEqual({});
    expect(openTokens(token, "board-1", "nonsense")).toEqual({});
    expect(openTokens(token, "board-1", null)).toEqual({});
  });
});
