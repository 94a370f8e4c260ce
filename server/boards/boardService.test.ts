import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase, type Db } from "../db/database";
import { BoardService } from "./boardService";
import { PrismaDocStore } from "../collab/prismaDocStore";
import { readBoard } from "../../lib/collab/boardDoc";
import { makePlayer } from "../../lib/valuechain/model";
import { createTestDatabase } from "../../tests/helpers/postgres";
import { tempSqliteUrl } from "../../tests/helpers/server";

for (const provider of ["sqlite", "postgres"] as const) {
  describe(`board service on ${provider}`, () => {
    let db: Db;
    let drop = async () => {};
    let boards: BoardService;

    beforeAll(async () => {
      let url = tempSqliteUrl();
      if (provider === "postgres") ({ url, drop } = await createTestDatabase());
      db = await openDatabase(url);
      boards = new BoardService(db.prisma);
    });
    afterAll(async () => {
      await db.close();
      await drop();
    });

    it("creates a board whose three tokens grant owner, editor and viewer", async () => {
      const b = await boards.create({ title: "Q3", players: [], channels: [] });
      expect(await boards.resolve(b.id, b.ownerToken)).toMatchObject({ role: "owner" });
      expect(await boards.resolve(b.id, b.editToken)).toMatchObject({ role: "editor" });
      expect(await boards.resolve(b.id, b.viewToken)).toMatchObject({ role: "viewer" });
    });

    it("stores only token digests", async () => {
      const b = await boards.create({ title: "Secret", players: [], channels: [] });
      const rows = await db.prisma.boardToken.findMany({ where: { boardId: b.id } });
      expect(rows).toHaveLength(3);
      for (const token of [b.ownerToken, b.editToken, b.viewToken]) {
        expect(rows.some((r) => r.hash === token)).toBe(false);
        expect(JSON.stringify(rows)).not.toContain(token);
      }
    });

    it("refuses wrong, malformed and other boards' tokens", async () => {
      const a = await boards.create({ title: "A", players: [], channels: [] });
      const b = await boards.create({ title: "B", players: [], channels: [] });
      expect(await boards.resolve(a.id, b.ownerToken)).toBeNull();
      expect(await boards.resolve(a.id, "x".repeat(32))).toBeNull();
      expect(await boards.resolve(a.id, "'; DROP TABLE Board; --")).toBeNull();
      expect(await boards.resolve(a.id, null)).toBeNull();
      expect(await boards.resolve("../../etc", a.ownerToken)).toBeNull();
    });

    it("writes the seed content once, as the board's first snapshot", async () => {
      const b = await boards.create({ title: "Seeded", players: [makePlayer({ id: "p1", name: "Us", kind: "manufacturer", isUs: true })], channels: [] });
      const stored = await new PrismaDocStore(db.prisma).load(b.id);
      expect(stored.updates).toHaveLength(0);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored.snapshot!);
      expect(readBoard(doc)).toMatchObject({ title: "Seeded", players: [{ id: "p1", name: "Us", isUs: true }] });
    });
  });
}
