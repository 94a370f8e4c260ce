import { describe, expect, it } from "vitest";
import { generateToken, hashToken, sameHash, TOKEN_PATTERN } from "./tokens";

describe("board tokens", () => {
  it("carry at least 128 random bits and differ every time", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) {
      expect(Buffer.from(t, "base64url").length * 8).toBeGreaterThanOrEqual(128);
      expect(TOKEN_PATTERN.test(t)).toBe(true);
    }
  });

  it("are stored as a SHA-256 digest, never as themselves", () => {
    const t = generateToken();
    const h = hashToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(t);
    expect(sameHash(h, hashToken(t))).toBe(true);
    expect(sameHash(h, hashToken(generateToken()))).toBe(false);
    expect(sameHash(h, "abcd")).toBe(false);
  });
});
