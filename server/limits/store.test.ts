/**
 * The Redis store against a real Redis (127.0.0.1:6379, as CI starts it) and against a port
 * where nothing listens: limits are shared between stores in the first case and still hold,
 * in this process's memory and with a warning in the log, in the second.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Limit } from "./limit";
import { redisStore, type LimiterStore } from "./store";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function capturingLogger(): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level: "warn" }, { write: (line: string) => void lines.push(line) }), lines };
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const opened: LimiterStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function open(url: string, prefix: string, log: pino.Logger): Promise<LimiterStore> {
  const store = await redisStore(url, prefix, log);
  opened.push(store);
  return store;
}

const limitOn = (store: LimiterStore, points: number) => new Limit(points, store.create({ name: "test", points, duration: 60 }), (s) => `refused for ${s} s`);

describe("Redis limiter store", () => {
  it("shares one count between two stores with the same prefix", async () => {
    const prefix = `test:${randomBytes(6).toString("hex")}:`;
    const { log } = capturingLogger();
    const [a, b] = [await open(REDIS_URL, prefix, log), await open(REDIS_URL, prefix, log)];
    expect([a.state(), b.state()]).toEqual(["redis", "redis"]);
    const [la, lb] = [limitOn(a, 3), limitOn(b, 3)];
    expect(await la.take("k")).toBeNull();
    expect(await lb.take("k")).toBeNull();
    expect(await la.take("k")).toBeNull();
    expect(await lb.take("k")).not.toBeNull();
    expect(await la.refused("k")).not.toBeNull();
  });

  it("counts in memory, and logs it, while Redis is unreachable", async () => {
    const { log, lines } = capturingLogger();
    const store = await open(`redis://127.0.0.1:${await closedPort()}`, "test:", log);
    expect(store.state()).toBe("redis-unreachable");
    const limit = limitOn(store, 2);
    expect(await limit.take("k")).toBeNull();
    expect(await limit.take("k")).toBeNull();
    expect((await limit.take("k"))?.message).toMatch(/refused for \d+ s/);
    const logged = lines.join("");
    expect(logged).toContain("Redis is unreachable");
    expect(logged).toContain("counted in this process's memory");
  });
});
