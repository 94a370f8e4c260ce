/**
 * Where rate limits count: in this process's memory, or in Redis (REDIS_URL) so that several
 * processes behind one load balancer share every limit. A limit must never take the API down
 * with it, so each Redis limiter is insured by an in-memory one: while Redis does not answer,
 * the process counts alone (limits then hold per process, not per deployment) and says so in
 * the log, and picks Redis up again once it is back.
 */
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type IRateLimiterOptions, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Logger } from "pino";

export interface LimiterSpec {
  /** Part of the key, so limits never share counts. */
  name: string;
  points: number;
  /** Seconds the count lasts from the key's first request (a fixed window). */
  duration: number;
  /** Seconds the key is refused for once past `points` (0: until the window ends). */
  blockDuration?: number;
}

export interface LimiterStore {
  create(spec: LimiterSpec): RateLimiterAbstract;
  /** For /healthz: where the limits count now. */
  state(): "memory" | "redis" | "redis-unreachable";
  close(): Promise<void>;
}

const options = (spec: LimiterSpec, prefix: string): IRateLimiterOptions => ({
  keyPrefix: `${prefix}${spec.name}`,
  points: spec.points,
  duration: spec.duration,
  blockDuration: spec.blockDuration ?? 0,
});

export function memoryStore(prefix: string): LimiterStore {
  return {
    create: (spec) => new RateLimiterMemory(options(spec, prefix)),
    state: () => "memory",
    close: async () => {},
  };
}

/** How long a start waits for Redis before serving with the in-memory fallback. */
const CONNECT_WAIT_MS = 2000;
/** The fallback is logged at most this often, not once per request. */
const FALLBACK_LOG_MS = 60_000;

/** The in-memory insurance of a Redis limiter: reports each use, so the fallback is never silent. */
class FallbackLimiter extends RateLimiterMemory {
  constructor(
    opts: IRateLimiterOptions,
    private readonly used: () => void,
  ) {
    super(opts);
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    this.used();
    return super.consume(...args);
  }
  override get(...args: Parameters<RateLimiterMemory["get"]>) {
    this.used();
    return super.get(...args);
  }
  override block(...args: Parameters<RateLimiterMemory["block"]>) {
    this.used();
    return super.block(...args);
  }
}

export async function redisStore(url: string, prefix: string, log: Logger): Promise<LimiterStore> {
  const client = new Redis(url, {
    // Fail at once while disconnected (the insurance limiter answers) rather than queue the
    // request until Redis returns; and never wait long for a Redis that hangs.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  });
  let down = false;
  client.on("error", (err) => {
    if (down) return;
    down = true;
    log.warn({ err: err.message }, "Redis is unreachable: rate limits are counted in this process only until it is back");
  });
  client.on("ready", () => {
    if (down) log.warn("Redis is reachable again: rate limits are shared again");
    down = false;
  });
  let lastFallbackLog = 0;
  const fallbackUsed = () => {
    const now = Date.now();
    if (now - lastFallbackLog < FALLBACK_LOG_MS) return;
    lastFallbackLog = now;
    log.warn({ redis: client.status }, "Redis did not answer a rate-limit check: counted in this process's memory instead");
  };
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      client.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, CONNECT_WAIT_MS);
    client.once("ready", done);
    client.once("error", done);
  });
  return {
    create: (spec) =>
      new RateLimiterRedis({
        ...options(spec, prefix),
        storeClient: client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new FallbackLimiter(options(spec, prefix), fallbackUsed),
      }),
    state: () => (client.status === "ready" ? "redis" : "redis-unreachable"),
    close: async () => {
      client.disconnect();
    },
  };
}
