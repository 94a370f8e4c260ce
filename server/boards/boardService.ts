/**
 * Boards and their tokens. Creating a board writes its seed content (blank, a template or an
 * imported file) as the initial snapshot in the same transaction, so it is written exactly
 * once and never again on restart.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../db/database";
import { writeBoard } from "../../lib/collab/boardDoc";
import type { Board } from "../../lib/valuechain/model";
import { generateBoardId, generateToken, hashToken, sameHash, BOARD_ID_PATTERN, TOKEN_PATTERN, type Role } from "./tokens";

export interface CreatedBoard {
  id: string;
  title: string;
  ownerToken: string;
  editToken: string;
  viewToken: string;
}

export interface Access {
  boardId: string;
  role: Role;
  tokenHash: string;
}

export class BoardService {
  constructor(private readonly prisma: PrismaClient) {}

  async create(board: Board): Promise<CreatedBoard> {
    const id = generateBoardId();
    const tokens = { owner: generateToken(), editor: generateToken(), viewer: generateToken() };
    const doc = new Y.Doc();
    writeBoard(doc, board);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await this.prisma.$transaction([
      this.prisma.board.create({ data: { id, title: board.title } }),
      this.prisma.boardToken.createMany({
        data: (Object.entries(tokens) as [Role, string][]).map(([role, token]) => ({ hash: hashToken(token), boardId: id, role })),
      }),
      this.prisma.docSnapshot.create({ data: { boardId: id, state: new Uint8Array(state), lastUpdateId: 0 } }),
    ]);
    return { id, title: board.title, ownerToken: tokens.owner, editToken: tokens.editor, viewToken: tokens.viewer };
  }

  /** The role a token grants on a board, or null. Never throws on malformed input. */
  async resolve(boardId: string, token: string | null | undefined): Promise<Access | null> {
    if (!token || !BOARD_ID_PATTERN.test(boardId) || !TOKEN_PATTERN.test(token)) return null;
    const hash = hashToken(token);
    const row = await this.prisma.boardToken.findUnique({ where: { hash } });
    if (!row || row.revokedAt || !sameHash(row.hash, hash) || row.boardId !== boardId) return null;
    return { boardId, role: row.role as Role, tokenHash: hash };
  }

  /**
   * Replaces the edit and/or view link: the old tokens are revoked (kept, marked, so the
   * audit trail stays) and new ones issued. Returns the new tokens and the revoked digests.
   */
  async rotate(boardId: string, roles: ("editor" | "viewer")[]): Promise<{ tokens: Partial<Record<"editor" | "viewer", string>>; revoked: string[] }> {
    const tokens: Partial<Record<"editor" | "viewer", string>> = {};
    for (const role of roles) tokens[role] = generateToken();
    const old = await this.prisma.boardToken.findMany({ where: { boardId, role: { in: roles }, revokedAt: null }, select: { hash: true } });
    await this.prisma.$transaction([
      this.prisma.boardToken.updateMany({ where: { boardId, role: { in: roles }, revokedAt: null }, data: { revokedAt: new Date() } }),
      this.prisma.boardToken.createMany({
        data: roles.map((role) => ({ hash: hashToken(tokens[role]!), boardId, role })),
      }),
    ]);
    return { tokens, revoked: old.map((r) => r.hash) };
  }

  /** Which of these digests no longer grant access (revoked, or their board is gone). */
  async revokedAmong(hashes: string[]): Promise<string[]> {
    const valid = await this.prisma.boardToken.findMany({ where: { hash: { in: hashes }, revokedAt: null }, select: { hash: true } });
    const ok = new Set(valid.map((r) => r.hash));
    return hashes.filter((h) => !ok.has(h));
  }

  async exists(boardId: string): Promise<boolean> {
    if (!BOARD_ID_PATTERN.test(boardId)) return false;
    return (await this.prisma.board.count({ where: { id: boardId } })) > 0;
  }

  async setTitle(boardId: string, title: string): Promise<void> {
    await this.prisma.board.update({ where: { id: boardId }, data: { title } });
  }
}
