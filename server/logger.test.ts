import { describe, expect, it } from "vitest";
import { redactTokens } from "./logger";

describe("redactTokens", () => {
  it("hides link tokens and presence keys, also behind percent-encoded separators", () => {
    const token = "abcDEF123_-xyz";
    for (const url of [`/b/x?t=${token}`, `/collab/x?k=${token}&t=${token}`, `/b/x?t%3D${token}`, `/b/x%3Ft%3D${token}`, `/b/x?a=1%26t=${token}`, `/b/x?T%3d${token}`]) {
      expect(redactTokens(url), url).not.toContain(token);
    }
    expect(redactTokens("/b/x?theme=dark")).toBe("/b/x?theme=dark");
  });
});
