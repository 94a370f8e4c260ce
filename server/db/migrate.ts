/**
 * Applies the committed `prisma/<provider>/migrations/* /migration.sql` folders at start-up,
 * offline, and records them in Prisma's own `_prisma_migrations` table so the Prisma CLI
 * (where its engine is available) agrees about what is applied.
 *
 * SQLite scripts are run as Prisma runs them: NOT inside BEGIN/COMMIT, because Prisma's
 * table-rebuild migrations rely on `PRAGMA foreign_keys=OFF`, which a transaction ignores.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const PG_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's own advisory lock id, so our migrator and `prisma migrate` never run at once. */
const PG_MIGRATION_LOCK = 72707369;

export class MigrationError extends Error {
  constructor(
    readonly reason: "checksum_mismatch" | "failed",
    message: string,
  ) {
    super(message);
  }
}

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of all) {
    const checksum = applied.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum) {
      throw new MigrationError(
        "checksum_mismatch",
        `Migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead.`,
      );
    }
  }
  return all.filter((m) => !applied.has(m.name));
}

export function migrateSqlite(db: BetterSqlite3.Database, dir: string): string[] {
  db.exec(SQLITE_MIGRATIONS_TABLE);
  const rows = db
    .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .all() as { migration_name: string; checksum: string }[];
  const todo = pending(readMigrations(dir), new Map(rows.map((r) => [r.migration_name, r.checksum])));
  for (const m of todo) {
    const id = randomUUID();
    db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(
      id, m.checksum, m.name, new Date().toISOString(),
    );
    try {
      db.exec(m.sql);
    } catch (err) {
      db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(String(err), id);
      throw new MigrationError("failed", `Migration ${m.name} failed: ${(err as Error).message}`);
    }
    db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(new Date().toISOString(), id);
  }
  return todo.map((m) => m.name);
}

export async function migratePostgres(client: pg.Client, dir: string): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
  try {
    await client.query(PG_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const todo = pending(readMigrations(dir), new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of todo) {
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      try {
        // A multi-statement simple query runs as one implicit transaction on PostgreSQL.
        await client.query(m.sql);
      } catch (err) {
        await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [String(err), id]);
        throw new MigrationError("failed", `Migration ${m.name} failed: ${(err as Error).message}`);
      }
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]);
  }
}
