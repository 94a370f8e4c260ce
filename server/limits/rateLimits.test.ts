import { describe, expect, it } from "vitest";
import { authBlockMessage, createRateLimits } from "./rateLimits";
import { writeKey } from "./keys";
import { memoryStore } from "./store";

const rates = {
  boardsPerMinute: 2,
  versionsPerMinute: 2,
  roundsPerMinute: 2,
  reportsPerMinute: 2,
  writesPerMinute: 2,
  authFailuresPerMinute: 2,
  authBlockSeconds: 120,
  keyPrefix: "unit:",
};

describe("rate limits", () => {
  it("name each limit and its number in the refusal", async () => {
    const limits = createRateLimits(rates, memoryStore(rates.keyPrefix));
    const cases = [
      [limits.boardCreates, /new boards from this address: at most 2 a minute/],
      [limits.versionSaves, /versions saved on this board: at most 2 a minute/],
      [limits.roundStarts, /rounds started on this board: at most 2 a minute/],
      [limits.reports, /reports of this board from this address: at most 2 a minute/],
      [limits.writes, /changes with this link from this address: at most 2 a minute/],
      [limits.authFailures, /wrong tokens from this address: more than 2 a minute, so token checks from it are refused for 120 s/],
    ] as const;
    for (const [limit, message] of cases) {
      expect(await limit.take("k")).toBeNull();
      expect(await limit.take("k")).toBeNull();
      expect((await limit.take("k"))?.message).toMatch(message);
    }
  });

  it("count each limit apart, under the same key", async () => {
    const limits = createRateLimits(rates, memoryStore(rates.keyPrefix));
    await limits.boardCreates.take("k");
    await limits.boardCreates.take("k");
    expect(await limits.boardCreates.take("k")).not.toBeNull();
    expect(await limits.writes.take("k")).toBeNull();
    expect(await limits.authFailures.refused("k")).toBeNull();
  });

  it("turn a limit of 0 off", async () => {
    const limits = createRateLimits({ ...rates, writesPerMinute: 0, authFailuresPerMinute: 0 }, memoryStore(rates.keyPrefix));
    for (let i = 0; i < 50; i++) {
      expect(await limits.writes.take("k")).toBeNull();
      expect(await limits.authFailures.take("k")).toBeNull();
    }
    expect(await limits.authFailures.refused("k")).toBeNull();
  });

  it("say when the wrong-token block has no extra duration", () => {
    expect(authBlockMessage(30, 0, 12)).toBe("Too many wrong tokens from this address: more than 30 a minute, so token checks from it are refused until the minute ends. Try again in 12 s.");
  });

  it("key API writes by the link's digest and the address, never by one alone", () => {
    expect(writeKey("digest", "10.0.0.1")).not.toBe(writeKey("digest", "10.0.0.2"));
    expect(writeKey("digest", "10.0.0.1")).not.toBe(writeKey("other", "10.0.0.1"));
  });
});
