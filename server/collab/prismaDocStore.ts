import type { PrismaClient } from "../db/database";
// Prisma.sql / Prisma.join build provider-neutral SQL; the SQLite client's copy serves both.
import { Prisma } from "../../generated/sqlite/client";
import { BoardNotFoundError, type AppendBatch, type DocStore, type Snapshot, type StoredDoc } from "./docStore";

/** Rows per INSERT: SQLite binds at most 32,766 parameters a statement, and each row binds 3. */
const ROWS_PER_STATEMENT = 1000;
/** Ids per DELETE … IN (…), for the same reason. */
const IDS_PER_STATEMENT = 1000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Where grouped commits go instead of Prisma's connection (sqliteAppender.ts on SQLite). */
export interface Appender {
  append(batches: AppendBatch[]): Promise<number[][]>;
}

export class PrismaDocStore implements DocStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly appender: Appender | null = null,
  ) {}

  async load(boardId: string): Promise<StoredDoc> {
    const [board, snapshot, rows] = await Promise.all([
      this.prisma.board.findUnique({ where: { id: boardId }, select: { id: true } }),
      this.prisma.docSnapshot.findUnique({ where: { boardId }, select: { state: true, version: true } }),
      // Every row, not only those after the snapshot's last id: with several processes a row
      // with a smaller id can commit after a compaction that did not fold it (R-COMPACT).
      this.prisma.docUpdate.findMany({ where: { boardId }, orderBy: { id: "asc" }, select: { id: true, data: true } }),
    ]);
    if (!board) throw new BoardNotFoundError(boardId);
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      version: snapshot ? snapshot.version : null,
      updates: rows.map((r) => ({ id: r.id, data: new Uint8Array(r.data) })),
    };
  }

  async append(batches: AppendBatch[]): Promise<number[][]> {
    if (this.appender) return this.appender.append(batches);
    // The hot path of every edit: multi-row INSERT … RETURNING through Prisma's raw query API,
    // every board of the process in one statement (one transaction) when it fits. The model
    // API's createManyAndReturn had a 3-6× higher tail latency (npm run bench).
    const now = new Date();
    const rows = batches.flatMap((b) => b.updates.map((u) => Prisma.sql`(${b.boardId}, ${toBytes(u)}, ${now})`));
    const statements = chunks(rows, ROWS_PER_STATEMENT).map(
      (part) => this.prisma.$queryRaw<{ id: number | bigint; boardId: string }[]>`
        INSERT INTO "DocUpdate" ("boardId", "data", "createdAt") VALUES ${Prisma.join(part)} RETURNING "id", "boardId"`,
    );
    const results = statements.length === 1 ? [await statements[0]] : await this.prisma.$transaction(statements);
    const ids = new Map<string, number[]>();
    for (const row of results.flat()) {
      const list = ids.get(row.boardId) ?? [];
      list.push(Number(row.id));
      ids.set(row.boardId, list);
    }
    return batches.map((b) => (ids.get(b.boardId) ?? []).sort((x, y) => x - y));
  }

  async snapshotIfChanged(boardId: string, known: number | null): Promise<Snapshot | null> {
    const current = await this.prisma.docSnapshot.findUnique({ where: { boardId }, select: { version: true } });
    if (!current || current.version === known) return null;
    const row = await this.prisma.docSnapshot.findUnique({ where: { boardId }, select: { state: true, version: true } });
    return row ? { state: new Uint8Array(row.state), version: row.version } : null;
  }

  async compact(boardId: string, state: Uint8Array, expected: number | null, rowIds: number[]): Promise<number | null> {
    // Raw SQL for the same reason as append: the model API's query compiler spends tens of
    // milliseconds of the event loop on a multi-megabyte snapshot parameter.
    const now = new Date();
    const bytes = toBytes(state);
    const lastId = rowIds.reduce((max, id) => Math.max(max, id), 0);
    const next = (expected ?? 0) + 1;
    return this.prisma.$transaction(async (tx) => {
      // R-COMPACT: the snapshot row is the lock. The UPDATE matches only the version this
      // compaction read; on PostgreSQL a concurrent one waits on the row lock, then matches
      // nothing, so exactly one of two racing compactions writes.
      const written =
        expected === null
          ? await tx.$executeRaw`
              INSERT INTO "DocSnapshot" ("boardId", "state", "lastUpdateId", "version", "updatedAt") VALUES (${boardId}, ${bytes}, ${lastId}, ${next}, ${now})
              ON CONFLICT ("boardId") DO NOTHING`
          : await tx.$executeRaw`
              UPDATE "DocSnapshot" SET "state" = ${bytes}, "version" = ${next}, "updatedAt" = ${now},
                "lastUpdateId" = CASE WHEN "lastUpdateId" > ${lastId} THEN "lastUpdateId" ELSE ${lastId} END
              WHERE "boardId" = ${boardId} AND "version" = ${expected}`;
      if (written !== 1) return null;
      for (const part of chunks(rowIds, IDS_PER_STATEMENT)) {
        await tx.$executeRaw`DELETE FROM "DocUpdate" WHERE "boardId" = ${boardId} AND "id" IN (${Prisma.join(part)})`;
      }
      return next;
    });
  }
}

/** Prisma's Bytes fields take a Uint8Array backed by a plain ArrayBuffer. */
function toBytes(u: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(u);
}
