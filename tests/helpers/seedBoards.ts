/**
 * Boards written straight into the server's database, without the Next.js API:
 *
 * - `createBoardInDb`: one board through BoardService.create itself, while the server runs
 *   (SQLite in WAL mode takes a second writer). Chaos tests use it so that a `next build`
 *   another engineer runs meanwhile (which breaks the running server's API routes, not its
 *   collaboration endpoint) cannot fail them.
 * - `seedBoards`: thousands at once before the server starts. Creating 10,000 boards through
 *   POST /api/boards takes minutes (12–20 ms each); this writes the rows BoardService.create
 *   writes (board, an editor token's SHA-256, the blank board's snapshot) with a few multi-row
 *   inserts. Only for tests that need board count, not content.
 */
import * as Y from "yjs";
import { openDatabase } from "../../server/db/database";
import { BoardService } from "../../server/boards/boardService";
import type { CreatedBoard } from "../../lib/contracts/boards";
import { generateBoardId, generateToken, hashToken } from "../../server/boards/tokens";
import { writeBoard } from "../../lib/collab/boardDoc";
import { DEFAULT_BOARD_TITLE } from "../../lib/valuechain/model";

export interface SeededBoard {
  id: string;
  editToken: string;
}

export async function seedBoards(databaseUrl: string, count: number, title = "Seeded board"): Promise<SeededBoard[]> {
  const doc = new Y.Doc();
  writeBoard(doc, { title, players: [], channels: [] });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const boards = Array.from({ length: count }, () => ({ id: generateBoardId(), editToken: generateToken() }));
  const db = await openDatabase(databaseUrl, { sqliteSynchronous: "NORMAL" });
  try {
    for (let at = 0; at < boards.length; at += 500) {
      const chunk = boards.slice(at, at + 500);
      await db.prisma.$transaction([
        db.prisma.board.createMany({ data: chunk.map((b) => ({ id: b.id, title })) }),
        db.prisma.boardToken.createMany({ data: chunk.map((b) => ({ hash: hashToken(b.editToken), boardId: b.id, role: "editor" })) }),
        db.prisma.docSnapshot.createMany({ data: chunk.map((b) => ({ boardId: b.id, state: new Uint8Array(state), lastUpdateId: 0 })) }),
      ]);
    }
  } finally {
    await db.close();
  }
  return boards;
}

export async function createBoardInDb(databaseUrl: string, title = DEFAULT_BOARD_TITLE): Promise<CreatedBoard> {
  const db = await openDatabase(databaseUrl);
  try {
    return await new BoardService(db.prisma).create({ title, players: [], channels: [] });
  } finally {
    await db.close();
  }
}
