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

    const access = async (boardId: string, token: string) => (await boards.resolve(boardId, token))!;
    const shareable = async (boardId: string, token: string) => boards.shareable(await access(boardId, token), token);

    it("shows each role the links it may give out: the owner edit and view, an editor and a viewer view", async () => {
      const b = await boards.create({ title: "Links", players: [], channels: [] });
      expect(await shareable(b.id, b.ownerToken)).toEqual({ role: "owner", editToken: b.editToken, viewToken: b.viewToken });
      expect(await shareable(b.id, b.editToken)).toEqual({ role: "editor", viewToken: b.viewToken });
      expect(await shareable(b.id, b.viewToken)).toEqual({ role: "viewer", viewToken: b.viewToken });
    });

    it("keeps the shown links current when the owner replaces them, one or both", async () => {
      const b = await boards.create({ title: "Rotated", players: [], channels: [] });
      const { tokens: view } = await boards.rotate(b.id, ["viewer"], b.ownerToken);
      expect(await shareable(b.id, b.ownerToken)).toEqual({ role: "owner", editToken: b.editToken, viewToken: view.viewer });
      expect(await shareable(b.id, b.editToken)).toEqual({ role: "editor", viewToken: view.viewer });
      const { tokens: edit } = await boards.rotate(b.id, ["editor"], b.ownerToken);
      expect(await shareable(b.id, b.ownerToken)).toEqual({ role: "owner", editToken: edit.editor, viewToken: view.viewer });
      expect(await shareable(b.id, edit.editor!)).toEqual({ role: "editor", viewToken: view.viewer });
      const { tokens: both } = await boards.rotate(b.id, ["editor", "viewer"], b.ownerToken);
      expect(await shareable(b.id, both.editor!)).toEqual({ role: "editor", viewToken: both.viewer });
      expect(await shareable(b.id, b.ownerToken)).toEqual({ role: "owner", editToken: both.editor, viewToken: both.viewer });
      // Still nothing in the database that opens the board.
      const rows = JSON.stringify(await db.prisma.boardToken.findMany({ where: { boardId: b.id } }));
      for (const token of [b.ownerToken, b.editToken, b.viewToken, view.viewer!, edit.editor!, both.editor!, both.viewer!]) expect(rows).not.toContain(token);
    });

    it("says it cannot tell a link of a board whose links were not kept, until the owner replaces it", async () => {
      const b = await boards.create({ title: "Older", players: [], channels: [] });
      // As a board made before links were kept sealed.
      await db.prisma.boardToken.updateMany({ where: { boardId: b.id }, data: { sealedLinks: null } });
      expect(await shareable(b.id, b.ownerToken)).toEqual({ role: "owner", editToken: null, viewToken: null });
      expect(await shareable(b.id, b.editToken)).toEqual({ role: "editor", viewToken: null });
      const { tokens } = await boards.rotate(b.id, ["viewer"], b.ownerToken);
      expect(await shareable(b.id, b.ownerToken)).toEqual({ role: "owner", editToken: null, viewToken: tokens.viewer });
      // The edit token was never known here, so its holder is not shown the new view link yet.
      expect(await shareable(b.id, b.editToken)).toEqual({ role: "editor", viewToken: null });
      const { tokens: edit } = await boards.rotate(b.id, ["editor"], b.ownerToken);
      expect(await shareable(b.id, edit.editor!)).toEqual({ role: "editor", viewToken: tokens.viewer });
    });
  });
}
