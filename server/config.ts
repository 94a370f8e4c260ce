/**
 * The one place that reads the environment. Everything below receives a Config.
 * Every variable is documented in the README's configuration table.
 */
import path from "node:path";
import { z } from "zod";
import { parseFrameAncestors } from "./http/securityHeaders";

const intFrom = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: "custom", message: `expected a non-negative number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const EnvSchema = z.object({
  PORT: intFrom(3000),
  HOST: z.string().optional().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).optional().default("production"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional().default("info"),
  ALLOWED_ORIGINS: z.string().optional().default(""),
  MAX_MESSAGE_BYTES: intFrom(4 * 1024 * 1024),
  MAX_BODY_BYTES: intFrom(8 * 1024 * 1024),
  MAX_DOC_BYTES: intFrom(16 * 1024 * 1024),
  MAX_MESSAGES_PER_SECOND: intFrom(300),
  MAX_AWARENESS_BYTES: intFrom(16 * 1024),
  MAX_PRESENCE_PER_BOARD: intFrom(100),
  MAX_PRESENCE_BYTES_PER_SECOND: intFrom(64 * 1024),
  PRESENCE_RESERVE_MS: intFrom(10 * 60_000),
  MAX_LOADED_BOARDS: intFrom(1000),
  ROOM_IDLE_UNLOAD_MS: intFrom(30_000),
  COMPACT_AFTER_UPDATES: intFrom(500),
  TOKEN_RECHECK_MS: intFrom(2000),
  MAX_DOC_MEMORY_BYTES: intFrom(64 * 1024 * 1024),
  MAX_PENDING_BYTES: intFrom(1024 * 1024),
  MAX_PENDING_MS: intFrom(30_000),
  MAX_SEND_BUFFER_BYTES: intFrom(40 * 1024 * 1024),
  MAX_SYNC_REQUESTS: intFrom(5),
  MAX_HEAP_BYTES: intFrom(0),
  ROOM_EVICT_IDLE_MS: intFrom(120_000),
  MAX_CONNECTIONS_PER_ADDRESS: intFrom(200),
  MAX_BOARDS_PER_ADDRESS: intFrom(50),
  MAX_CONNECTIONS_PER_TOKEN: intFrom(500),
  TRUST_PROXY: z.enum(["0", "1", "false", "true", ""]).optional().default("0"),
  ALLOWED_FRAME_ANCESTORS: z.string().optional().default(""),
  HSTS_MAX_AGE: intFrom(180 * 24 * 3600),
  MAX_ROUND_PARTICIPANTS: intFrom(200),
  RATE_BOARDS_PER_MINUTE: intFrom(30),
  RATE_VERSIONS_PER_MINUTE: intFrom(12),
  RATE_AUTH_FAILURES_PER_MINUTE: intFrom(30),
  RATE_AUTH_BLOCK_SECONDS: intFrom(300),
  RATE_WRITES_PER_MINUTE: intFrom(600),
  RATE_ROUNDS_PER_MINUTE: intFrom(10),
  RATE_REPORTS_PER_MINUTE: intFrom(20),
  RATE_KEY_PREFIX: z.string().optional().default("chainboard:rate:"),
  MAX_NAMED_VERSIONS_PER_BOARD: intFrom(200),
  REDIS_URL: z
    .string()
    .optional()
    .default("")
    .refine((v) => v === "" || /^rediss?:\/\//.test(v), { message: "expected redis://… or rediss://…" }),
  REDIS_CHANNEL_PREFIX: z.string().optional().default("chainboard:"),
  FANOUT_ORPHAN_MS: intFrom(5000),
  FAULT_COMMIT_DELAY_MS: intFrom(0),
  CHROMIUM_PATH: z.string().optional().default(""),
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL", "EXTRA"]).optional().default("FULL"),
  METRICS_TOKEN: z
    .string()
    .optional()
    .default("")
    .refine((v) => v === "" || v.length >= 16, { message: "expected at least 16 characters (or empty: /metrics for private networks only)" }),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dev: boolean;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** Browser origins allowed on the websocket besides the request's own host. */
  allowedOrigins: string[];
  limits: {
    maxMessageBytes: number;
    /** Largest HTTP request body; counted while it streams in, so a larger one is never buffered. */
    maxBodyBytes: number;
    maxDocBytes: number;
    maxMessagesPerSecond: number;
    maxAwarenessBytes: number;
    /** Presence ids per board, live or reserved (R-AWARENESS-OWN). */
    maxPresencePerBoard: number;
    /** Presence bytes relayed per board per second (R-AWARENESS-BATCH). */
    maxPresenceBytesPerSecond: number;
    /** How long a closed connection's presence ids stay reserved for its browser. */
    presenceReserveMs: number;
    maxLoadedBoards: number;
    roomIdleUnloadMs: number;
    compactAfterUpdates: number;
    tokenRecheckMs: number;
    /** Estimated server memory one board may use (see server/collab/memory.ts for the rule). */
    maxDocMemoryBytes: number;
    /** Bytes of updates Yjs cannot integrate yet that a board holds before dropping them. */
    maxPendingBytes: number;
    /** How long such updates may wait for their dependency. */
    maxPendingMs: number;
    /** Unsent bytes a connection may have queued before it is closed (4508). */
    maxSendBufferBytes: number;
    /** Sync requests (sync step 1) a connection may make in a burst; one more every 10 s. */
    maxSyncRequests: number;
    /** Heap in use past which new boards and growing updates are refused (0: 70% of V8's limit). */
    maxHeapBytes: number;
    /** A board whose connections sent nothing for this long may be evicted to make room. */
    roomEvictIdleMs: number;
    /** Testing only: every commit waits this long, widening the window between relay and commit. */
    faultCommitDelayMs: number;
    maxConnectionsPerAddress: number;
    maxBoardsPerAddress: number;
    maxConnectionsPerToken: number;
    /** Participants one workshop round takes answers from; a new one beyond it gets 409 round_full. */
    maxRoundParticipants: number;
    /** Named versions one board keeps (each a full copy); automatic ones are thinned instead. */
    maxNamedVersionsPerBoard: number;
  };
  /** Take the client address from X-Forwarded-For (its last entry), set behind a reverse proxy. */
  trustProxy: boolean;
  /** Origins that may frame the pages (frame-ancestors); empty: none may. */
  frameAncestors: string[];
  /** Seconds of Strict-Transport-Security sent over TLS; 0 sends none. */
  hstsMaxAge: number;
  /** Rate limits (see server/limits/rateLimits.ts); every `…PerMinute` of 0 means unlimited. */
  rates: {
    /** Boards created or imported, per client address. */
    boardsPerMinute: number;
    /** Named versions saved, per board. */
    versionsPerMinute: number;
    /** Workshop rounds started, per board. */
    roundsPerMinute: number;
    /** Board reports (HTML or PDF), per board and client address: a PDF costs a Chromium render. */
    reportsPerMinute: number;
    /** API writes (any method but GET), per link and client address. */
    writesPerMinute: number;
    /** Wrong tokens per client address (API, board page and websocket together)... */
    authFailuresPerMinute: number;
    /** ...past which that address's token checks are all refused for this long (0: until the minute ends). */
    authBlockSeconds: number;
    /** Prefix of every rate-limit key (in Redis, several deployments can share one server). */
    keyPrefix: string;
  };
  /** Redis shared by several processes (rate limits, and the boards' fan-out); null: one process. */
  redisUrl: string | null;
  fanout: {
    /** Prefix of the boards' pub/sub channels, so deployments sharing one Redis stay apart. */
    channelPrefix: string;
    /** An update another process relayed and never reported committed for this long is committed here. */
    orphanMs: number;
  };
  sqliteSynchronous: "FULL" | "NORMAL" | "EXTRA";
  /** The Chromium that renders PDF reports (playwright-core); a missing one makes PDF reports answer 503. */
  chromiumPath: string;
  /** Bearer token /metrics requires; null: /metrics answers loopback and private networks only. */
  metricsToken: string | null;
}

function orConfigError<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

export class ConfigError extends Error {
  readonly reason = "invalid_config";
}

export function defaultDatabaseUrl(cwd = process.cwd()): string {
  return `file:${path.join(cwd, "data", "chainboard.db")}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${issue.path.join(".")}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || defaultDatabaseUrl(),
    dev: e.NODE_ENV === "development",
    logLevel: e.LOG_LEVEL,
    allowedOrigins: e.ALLOWED_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean),
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDocBytes: e.MAX_DOC_BYTES,
      maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
      maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
      maxPresencePerBoard: e.MAX_PRESENCE_PER_BOARD,
      // A zero budget would stop presence for good; a state must always get through eventually.
      maxPresenceBytesPerSecond: Math.max(1024, e.MAX_PRESENCE_BYTES_PER_SECOND),
      presenceReserveMs: e.PRESENCE_RESERVE_MS,
      maxLoadedBoards: e.MAX_LOADED_BOARDS,
      roomIdleUnloadMs: e.ROOM_IDLE_UNLOAD_MS,
      compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
      tokenRecheckMs: Math.max(100, e.TOKEN_RECHECK_MS),
      maxDocMemoryBytes: e.MAX_DOC_MEMORY_BYTES,
      maxPendingBytes: e.MAX_PENDING_BYTES,
      maxPendingMs: e.MAX_PENDING_MS,
      maxSendBufferBytes: e.MAX_SEND_BUFFER_BYTES,
      maxSyncRequests: Math.max(1, e.MAX_SYNC_REQUESTS),
      maxHeapBytes: e.MAX_HEAP_BYTES,
      roomEvictIdleMs: e.ROOM_EVICT_IDLE_MS,
      faultCommitDelayMs: e.FAULT_COMMIT_DELAY_MS,
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
      maxBoardsPerAddress: e.MAX_BOARDS_PER_ADDRESS,
      maxConnectionsPerToken: e.MAX_CONNECTIONS_PER_TOKEN,
      maxRoundParticipants: Math.max(1, e.MAX_ROUND_PARTICIPANTS),
      // 0 would forbid every named version; a board keeps at least one.
      maxNamedVersionsPerBoard: Math.max(1, e.MAX_NAMED_VERSIONS_PER_BOARD),
    },
    trustProxy: e.TRUST_PROXY === "1" || e.TRUST_PROXY === "true",
    frameAncestors: orConfigError(() => parseFrameAncestors(e.ALLOWED_FRAME_ANCESTORS)),
    hstsMaxAge: e.HSTS_MAX_AGE,
    rates: {
      boardsPerMinute: e.RATE_BOARDS_PER_MINUTE,
      versionsPerMinute: e.RATE_VERSIONS_PER_MINUTE,
      roundsPerMinute: e.RATE_ROUNDS_PER_MINUTE,
      reportsPerMinute: e.RATE_REPORTS_PER_MINUTE,
      writesPerMinute: e.RATE_WRITES_PER_MINUTE,
      authFailuresPerMinute: e.RATE_AUTH_FAILURES_PER_MINUTE,
      authBlockSeconds: e.RATE_AUTH_BLOCK_SECONDS,
      keyPrefix: e.RATE_KEY_PREFIX,
    },
    redisUrl: e.REDIS_URL || null,
    fanout: { channelPrefix: e.REDIS_CHANNEL_PREFIX, orphanMs: e.FANOUT_ORPHAN_MS },
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    chromiumPath: e.CHROMIUM_PATH || "/usr/bin/chromium",
    metricsToken: e.METRICS_TOKEN || null,
  };
}
