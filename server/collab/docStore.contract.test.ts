/** One contract suite for every DocStore: SQLite and PostgreSQL through Prisma. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase, type Db } from "../db/database";
import { BoardService } from "../boards/boardService";
import { PrismaDocStore } from "./prismaDocStore";
import { SqliteAppender } from "./sqliteAppender";
import { BoardNotFoundError, type DocStore, type StoredDoc } from "./docStore";
import { createTestDatabase } from "../../tests/helpers/postgres";
import { tempSqliteUrl } from "../../tests/helpers/server";

function updatesOf(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap("players").set(`p${i}`, i);
  return { doc, updates };
}

function replay(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.data);
  return doc;
}

const hex = (u: Uint8Array) => Buffer.from(u).toString("hex");

/** SQLite as the server runs it: grouped commits through the worker thread's own connection. */
for (const provider of ["sqlite", "sqlite with the commit worker", "postgres"] as const) {
  describe(`DocStore contract on ${provider}`, () => {
    let db: Db;
    let store: DocStore;
    let boards: BoardService;
    let drop = async () => {};
    let appender: SqliteAppender | null = null;

    beforeAll(async () => {
      let url = tempSqliteUrl();
      if (provider === "postgres") ({ url, drop } = await createTestDatabase());
      db = await openDatabase(url);
      if (provider === "sqlite with the commit worker") appender = new SqliteAppender(url.slice("file:".length), "FULL");
      store = new PrismaDocStore(db.prisma, appender);
      boards = new BoardService(db.prisma);
    });
    afterAll(async () => {
      await appender?.close();
      await db.close();
      await drop();
    });

    it("loads a new board as its seed snapshot and no updates", async () => {
      const { id } = await boards.create({ title: "t", players: [], channels: [] });
      const stored = await store.load(id);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toEqual([]);
    });

    it("returns appended updates in order, byte for byte", async () => {
      const { id } = await boards.create({ title: "t", players: [], channels: [] });
      const { updates } = updatesOf(5);
      await store.append([{ boardId: id, updates: updates.slice(0, 2) }]);
      await store.append([{ boardId: id, updates: updates.slice(2) }]);
      const stored = await store.load(id);
      expect(stored.updates.map((u) => hex(u.data))).toEqual(updates.map(hex));
    });

    it("commits several boards in one call and answers each board's row ids", async () => {
      const a = await boards.create({ title: "a", players: [], channels: [] });
      const b = await boards.create({ title: "b", players: [], channels: [] });
      const ua = updatesOf(3).updates;
      const ub = updatesOf(2).updates;
      const ids = await store.append([
        { boardId: a.id, updates: ua },
        { boardId: b.id, updates: ub },
      ]);
      expect(ids.map((list) => list.length)).toEqual([3, 2]);
      expect((await store.load(a.id)).updates.map((u) => u.id)).toEqual(ids[0]);
      expect((await store.load(b.id)).updates.map((u) => hex(u.data))).toEqual(ub.map(hex));
    });

    it("commits nothing of a group when one board of it fails", async () => {
      const a = await boards.create({ title: "a", players: [], channels: [] });
      const ua = updatesOf(2).updates;
      await expect(store.append([{ boardId: a.id, updates: ua }, { boardId: "no-such-board", updates: ua }])).rejects.toThrow();
      expect((await store.load(a.id)).updates).toEqual([]);
    });

    it("compacts into a snapshot that replays to the same document, deleting only the rows it merged", async () => {
      const { id } = await boards.create({ title: "t", players: [], channels: [] });
      const { doc, updates } = updatesOf(10);
      const [rowIds] = await store.append([{ boardId: id, updates }]);
      const before = await store.load(id);
      const merged = Y.encodeStateAsUpdate(doc);
      // Another process's row, committed meanwhile and not merged: it must survive.
      const other = updatesOf(0);
      doc.on("update", (u: Uint8Array) => other.updates.push(u));
      doc.getMap("players").set("late", 1);
      await store.append([{ boardId: id, updates: other.updates }]);
      const version = await store.compact(id, merged, before.version, rowIds);
      expect(version).toBe((before.version ?? 0) + 1);
      const stored = await store.load(id);
      expect(stored.updates).toHaveLength(1);
      expect(stored.version).toBe(version);
      expect(replay(stored).getMap("players").toJSON()).toEqual(doc.getMap("players").toJSON());
    });

    it("writes only one of two compactions of the same version (compare-and-set)", async () => {
      const { id } = await boards.create({ title: "t", players: [], channels: [] });
      const { doc, updates } = updatesOf(4);
      const [rowIds] = await store.append([{ boardId: id, updates }]);
      const { version } = await store.load(id);
      const state = Y.encodeStateAsUpdate(doc);
      const results = await Promise.all([store.compact(id, state, version, rowIds), store.compact(id, state, version, rowIds)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.snapshotIfChanged(id, version)).toMatchObject({ version: (version ?? 0) + 1 });
      expect(await store.snapshotIfChanged(id, (version ?? 0) + 1)).toBeNull();
      expect(replay(await store.load(id)).getMap("players").toJSON()).toEqual(doc.getMap("players").toJSON());
    });

    it("refuses to load a board that does not exist", async () => {
      await expect(store.load("nonexistent-board")).rejects.toBeInstanceOf(BoardNotFoundError);
    });
  });
}
