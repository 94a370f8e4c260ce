import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rateLimit";

describe("RateLimiter", () => {
  it("allows a burst of perMinute, then refills at perMinute a minute, per key", () => {
    const limiter = new RateLimiter(3);
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take("a", t))).toEqual([true, true, true, false]);
    expect(limiter.take("b", t)).toBe(true);
    expect(limiter.allows("a", t)).toBe(false);
    expect(limiter.retryAfter("a", t)).toBe(20);
    expect(limiter.take("a", t + 20_000)).toBe(true);
    expect(limiter.take("a", t + 20_000)).toBe(false);
  });

  it("never limits when set to 0", () => {
    const limiter = new RateLimiter(0);
    expect(Array.from({ length: 100 }, () => limiter.take("a")).every(Boolean)).toBe(true);
  });
});
