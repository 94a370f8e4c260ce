/**
 * Opens the database named by a URL: SQLite (`file:` path, the embedded default) or
 * PostgreSQL (`postgres://` / `postgresql://`). Applies migrations first, then returns one
 * Prisma client. Both generated clients share identical models, so the rest of the server
 * sees a single client type.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client";
import { migratePostgres, migrateSqlite } from "./migrate";

export type PrismaClient = SqliteClient;
export type Provider = "sqlite" | "postgres";

export interface Db {
  provider: Provider;
  prisma: PrismaClient;
  /** Names of the migrations applied by this start. */
  applied: string[];
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${url.split(":")[0]}:"`);
}

const MIGRATIONS_ROOT = path.join(import.meta.dirname, "..", "..", "prisma");

export async function openDatabase(url: string, opts: { sqliteSynchronous?: string } = {}): Promise<Db> {
  return providerOf(url) === "sqlite" ? openSqlite(url, opts.sqliteSynchronous ?? "FULL") : openPostgres(url);
}

async function openSqlite(url: string, synchronous: string): Promise<Db> {
  const file = url.slice("file:".length);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Migrate with a connection of our own; WAL mode is persistent in the file once set.
  const raw = new Database(file);
  let applied: string[];
  try {
    raw.pragma("journal_mode = WAL");
    applied = migrateSqlite(raw, path.join(MIGRATIONS_ROOT, "sqlite", "migrations"));
  } finally {
    raw.close();
  }
  const prisma = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 }) });
  // synchronous is per connection: FULL makes every commit reach the disk before it returns.
  await prisma.$queryRawUnsafe(`PRAGMA synchronous = ${synchronous}`);
  await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return { provider: "sqlite", prisma, applied, close: () => prisma.$disconnect() };
}

async function openPostgres(url: string): Promise<Db> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let applied: string[];
  try {
    applied = await migratePostgres(client, path.join(MIGRATIONS_ROOT, "postgres", "migrations"));
  } finally {
    await client.end();
  }
  const prisma = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as PrismaClient;
  return { provider: "postgres", prisma, applied, close: () => prisma.$disconnect() };
}
