/**
 * The one place that reads the environment. Everything below receives a Config.
 * Every variable is documented in the README's configuration table.
 */
import path from "node:path";
import { z } from "zod";

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
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL", "EXTRA"]).optional().default("FULL"),
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
  };
  sqliteSynchronous: "FULL" | "NORMAL" | "EXTRA";
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
    },
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  };
}
