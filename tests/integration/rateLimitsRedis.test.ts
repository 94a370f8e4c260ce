/**
 * Rate limits shared through Redis (REDIS_URL): two server processes behind one load balancer
 * count together, so a client cannot double its allowance by alternating between them. With
 * Redis unreachable, a process still enforces every limit on its own, and says so in its log.
 * Needs Redis on 127.0.0.1:6379 (.ci/run starts it; TEST_REDIS_URL overrides).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningServer } from "../helpers/server";
import { startServerWhenBuilt } from "../helpers/chaos";
import { requestFrom, retryAfter, upgradeFrom } from "../helpers/fromAddress";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const health = async (server: RunningServer) => (await (await fetch(`${server.url}/healthz`)).json()) as { rateLimits: string };

describe("rate limits in Redis", () => {
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    // One prefix for both processes (they share), new for each run (runs never share).
    const env = {
      REDIS_URL,
      RATE_KEY_PREFIX: `test:${randomBytes(6).toString("hex")}:`,
      RATE_BOARDS_PER_MINUTE: "4",
      RATE_AUTH_FAILURES_PER_MINUTE: "3",
      RATE_AUTH_BLOCK_SECONDS: "60",
    };
    [a, b] = await Promise.all([startServerWhenBuilt({ env }), startServerWhenBuilt({ env })]);
  }, 11 * 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("counts boards created on two processes together", async () => {
    expect([(await health(a)).rateLimits, (await health(b)).rateLimits]).toEqual(["redis", "redis"]);
    const create = (server: RunningServer) => requestFrom(server.url, "POST", "/api/boards", { from: "127.0.0.2", body: {} });
    const statuses = [(await create(a)).status, (await create(b)).status, (await create(a)).status, (await create(b)).status];
    expect(statuses).toEqual([201, 201, 201, 201]);
    const refused = await create(a);
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
    expect((refused.json() as { error: { message: string } }).error.message).toMatch(/at most 4 a minute/);
    expect((await create(b)).status).toBe(429);
    expect((await requestFrom(b.url, "POST", "/api/boards", { from: "127.0.0.3", body: {} })).status).toBe(201);
  });

  it("blocks an address on every process once its wrong tokens on any of them pass the limit", async () => {
    const board = (await requestFrom(a.url, "POST", "/api/boards", { from: "127.0.0.4", body: {} })).json() as { id: string; viewToken: string };
    const from = "127.0.0.5";
    const wrong = "B".repeat(32);
    const answers = (server: RunningServer, token: string) => requestFrom(server.url, "GET", `/api/boards/${board.id}/answers`, { from, token });
    expect((await answers(a, wrong)).status).toBe(401);
    expect((await upgradeFrom(b.wsUrl, board.id, wrong, from)).status).toBe(401);
    expect((await answers(a, wrong)).status).toBe(401);
    expect((await answers(b, wrong)).status).toBe(429);
    expect((await answers(a, board.viewToken)).status).toBe(429);
    const socket = await upgradeFrom(b.wsUrl, board.id, board.viewToken, from);
    expect(socket.status).toBe(429);
    expect(retryAfter(socket)).toBeGreaterThan(50);
    expect((await answers(b, board.viewToken)).status).toBe(429);
  });
});

describe("rate limits with Redis unreachable", () => {
  let server: RunningServer;

  beforeAll(async () => {
    const nothingListens = `redis://127.0.0.1:${await freePort()}`;
    server = await startServerWhenBuilt({ env: { REDIS_URL: nothingListens, RATE_BOARDS_PER_MINUTE: "2" } });
  }, 11 * 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("serves, still refuses past each limit (counted in this process), and logs the fallback", async () => {
    expect((await health(server)).rateLimits).toBe("redis-unreachable");
    const create = () => requestFrom(server.url, "POST", "/api/boards", { from: "127.0.0.2", body: {} });
    expect([(await create()).status, (await create()).status, (await create()).status]).toEqual([201, 201, 429]);
    expect(server.output()).toContain("Redis is unreachable");
    expect(server.output()).toContain("counted in this process's memory");
  });
});
