import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "./database";
import { migrateSqlite, MigrationError, readMigrations } from "./migrate";
import { createTestDatabase } from "../../tests/helpers/postgres";
import { tempSqliteUrl } from "../../tests/helpers/server";

describe("migrations applied at start", () => {
  it("creates the schema on an empty SQLite file and records it like Prisma does", async () => {
    const url = tempSqliteUrl();
    const db = await openDatabase(url);
    expect(db.applied.length).toBeGreaterThan(0);
    await db.close();
    const raw = new Database(url.slice(5));
    const rows = raw.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`).all() as { migration_name: string; checksum: string; finished_at: string }[];
    const files = readMigrations(path.join(import.meta.dirname, "..", "..", "prisma", "sqlite", "migrations"));
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at)).toBe(true);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    const again = await openDatabase(url);
    expect(again.applied).toEqual([]);
    await again.close();
  });

  it("applies the PostgreSQL migrations once, under Prisma's advisory lock", async () => {
    const { url, drop } = await createTestDatabase();
    try {
      const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
      expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations(path.join(import.meta.dirname, "..", "..", "prisma", "postgres", "migrations")).map((m) => m.name));
      await a.close();
      await b.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "Board"`);
      expect(rows[0].n).toBe(0);
      await c.end();
    } finally {
      await drop();
    }
  });

  it("refuses to start when an applied migration was edited afterwards", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cb-mig-"));
    mkdirSync(path.join(dir, "001_a"));
    writeFileSync(path.join(dir, "001_a", "migration.sql"), `CREATE TABLE "T" ("id" INTEGER);`);
    const db = new Database(":memory:");
    expect(migrateSqlite(db, dir)).toEqual(["001_a"]);
    writeFileSync(path.join(dir, "001_a", "migration.sql"), `CREATE TABLE "T" ("id" TEXT);`);
    expect(() => migrateSqlite(db, dir)).toThrow(MigrationError);
  });
});
