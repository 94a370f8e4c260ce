/** One contract suite for every DocStore: SQLite and PostgreSQL through Prisma. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase, type Db } from "../db/database";
import { BoardService } from "../boards/boardService";
import { PrismaDocStore } from "./prismaDocStore";
import { BoardNotFoundError, type DocStore } from "./docStore";
import { createTestDatabase } from "../../tests/helpers/postgres";
import { tempSqliteUrl } from "../../tests/helpers/server";

function updatesOf(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getMap("players").set(`p${i}`, i);
  return { doc, updates };
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

for (const provider of ["sqlite", "postgres"] as const) {
  describe(`DocStore contract on ${provider}`, () => {
    let db: Db;
    let store: DocStore;
    let boards: BoardService;
    let drop = async () => {};

    beforeAll(async () => {
      let url = tempSqliteUrl();
      if (provider === "postgres") ({ url, drop } = await createTestDatabase());
      db = await openDatabase(url);
      store = new PrismaDocStore(db.prisma);
      boards = new BoardService(db.prisma);
    });
    afterAll(async () => {
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
      await store.append(id, updates.slice(0, 2));
      await store.append(id, updates.slice(2));
      const stored = await store.load(id);
      expect(stored.updates.map((u) => Buffer.from(u).toString("hex"))).toEqual(updates.map((u) => Buffer.from(u).toString("hex")));
    });

    it("compacts into a snapshot that replays to the same document", async () => {
      const { id } = await boards.create({ title: "t", players: [], channels: [] });
      const { doc, updates } = updatesOf(10);
      const last = await store.append(id, updates);
      await store.compact(id, Y.encodeStateAsUpdate(doc), last);
      const more = updatesOf(0);
      doc.on("update", (u: Uint8Array) => more.updates.push(u));
      doc.getMap("players").set("late", 1);
      await store.append(id, more.updates);
      const stored = await store.load(id);
      expect(stored.updates).toHaveLength(1);
      expect(replay(stored).getMap("players").toJSON()).toEqual(doc.getMap("players").toJSON());
    });

    it("refuses to load a board that does not exist", async () => {
      await expect(store.load("nonexistent-board")).rejects.toBeInstanceOf(BoardNotFoundError);
    });
  });
}
