import { describe, expect, it } from "vitest";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { Limit, limitMessage, retryAfterSeconds } from "./limit";

const limit = (points: number, blockDuration = 0) =>
  new Limit(points, new RateLimiterMemory({ keyPrefix: "test", points, duration: 60, blockDuration }), (s) => limitMessage("things", points, s));

describe("Limit", () => {
  it("gives Retry-After in whole seconds, at least 1", () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(-1)).toBe(1);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(59_500)).toBe(60);
  });

  it("takes `perMinute` requests per key, then refuses with the limit and the wait in the message", async () => {
    const l = limit(3);
    expect(await Promise.all([1, 2, 3].map(() => l.take("a")))).toEqual([null, null, null]);
    const refusal = await l.take("a");
    expect(refusal?.retryAfter).toBeGreaterThanOrEqual(59);
    expect(refusal?.retryAfter).toBeLessThanOrEqual(60);
    expect(refusal?.message).toBe(`Too many things: at most 3 a minute. Try again in ${refusal?.retryAfter} s.`);
    expect(await l.take("b")).toBeNull();
  });

  it("reports a key as refused only once it is past the limit, without spending anything", async () => {
    const l = limit(2);
    expect(await l.refused("a")).toBeNull();
    await l.take("a");
    await l.take("a");
    expect(await l.refused("a")).toBeNull();
    expect(await l.refused("a")).toBeNull();
    expect(await l.take("a")).not.toBeNull();
    expect((await l.refused("a"))?.message).toMatch(/at most 2 a minute/);
    expect(await l.refused("b")).toBeNull();
  });

  it("keeps a key refused for the block duration once past the limit", async () => {
    const l = limit(1, 300);
    await l.take("a");
    const crossing = await l.take("a");
    expect(crossing?.retryAfter).toBe(300);
    expect((await l.refused("a"))?.retryAfter).toBeGreaterThan(290);
  });

  it("never refuses without a limiter (a limit of 0)", async () => {
    const l = new Limit(0, null, () => "never");
    for (let i = 0; i < 100; i++) expect(await l.take("a")).toBeNull();
    expect(await l.refused("a")).toBeNull();
  });
});
