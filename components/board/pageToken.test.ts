import { describe, expect, it } from "vitest";
import { takeToken } from "./pageToken";

describe("takeToken", () => {
  it("takes the token from the fragment and leaves the view parameters", () => {
    expect(takeToken("https://x.test/b/abc?version=v1#t=tok-1")).toEqual({ token: "tok-1", clean: "https://x.test/b/abc?version=v1" });
  });
  it("takes an old link's token from the query", () => {
    expect(takeToken("https://x.test/b/abc?t=tok-2&compare=a..live")).toEqual({ token: "tok-2", clean: "https://x.test/b/abc?compare=a..live" });
  });
  it("prefers the fragment, and removes both", () => {
    expect(takeToken("https://x.test/b/abc?t=old#t=new")).toEqual({ token: "new", clean: "https://x.test/b/abc" });
  });
  it("finds no token in a bare address", () => {
    expect(takeToken("https://x.test/b/abc")).toEqual({ token: null, clean: "https://x.test/b/abc" });
  });
});
