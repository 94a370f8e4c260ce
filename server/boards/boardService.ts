/**
 * Boards and their tokens. Creating a board writes its seed content (blank, a template or an
 * imported file) as the initial snapshot in the same transaction, so it is written exactly
 * once and never again on restart.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../db/database";
import { writeBoard } from "../../lib/collab/boardDoc";
import type { Board } from "../../lib/valuechain/model";
import type { CreatedBoard, ShareableTokens } from "../../lib/contracts/boards";
import type { Role } from "../../lib/contracts/roles";
import { openTokens, sealTokens, type SharedTokens } from "./sharedLinks";
import { generateBoardId, generateToken, hashToken, sameHash, BOARD_ID_PATTERN, TOKEN_PATTERN } from "./tokens";

export interface Access {
  boardId: string;
  role: Role;
  tokenHash: string;
}

export class BoardService {
  constructor(private readonly prisma: PrismaClient) {}

  async create(board: Board, copyRoundsFrom?: string): Promise<CreatedBoard> {
    const id = generateBoardId();
    const rounds = copyRoundsFrom ? await this.finishedRounds(copyRoundsFrom, id) : [];
    const tokens = { owner: generateToken(), editor: generateToken(), viewer: generateToken() };
    const doc = new Y.Doc();
    writeBoard(doc, board);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await this.prisma.$transaction([
      this.prisma.board.create({ data: { id, title: board.title } }),
      this.prisma.boardToken.createMany({
        data: (Object.entries(tokens) as [Role, string][]).map(([role, token]) => ({
          hash: hashToken(token),
          boardId: id,
          role,
          sealedLinks: role === "owner" ? sealTokens(token, id, { editor: tokens.editor, viewer: tokens.viewer }) : role === "editor" ? sealTokens(token, id, { viewer: tokens.viewer }) : null,
        })),
      }),
      this.prisma.docSnapshot.create({ data: { boardId: id, state: new Uint8Array(state), lastUpdateId: 0 } }),
      ...rounds,
    ]);
    return { id, title: board.title, ownerToken: tokens.owner, editToken: tokens.editor, viewToken: tokens.viewer };
  }

  /**
   * The writes that give board `to` a copy of board `from`'s finished workshop rounds (revealed
   * or closed), their participants and answers, under new ids. An open round is not copied: its
   * timer and its answers still coming belong to the board it runs on.
   */
  private async finishedRounds(from: string, to: string) {
    const rounds = await this.prisma.round.findMany({ where: { boardId: from, status: { in: ["revealed", "closed"] } }, include: { answers: true } });
    if (!rounds.length) return [];
    const participants = new Map<string, string>();
    for (const r of rounds) for (const a of r.answers) if (!participants.has(a.participantId)) participants.set(a.participantId, generateBoardId());
    const roundIds = new Map(rounds.map((r) => [r.id, generateBoardId()]));
    return [
      this.prisma.participant.createMany({ data: [...participants.values()].map((pid) => ({ id: pid, boardId: to })) }),
      this.prisma.round.createMany({
        data: rounds.map(({ answers: _answers, ...r }) => ({ ...r, id: roundIds.get(r.id)!, boardId: to })),
      }),
      this.prisma.roundAnswer.createMany({
        data: rounds.flatMap((r) => r.answers.map((a) => ({ ...a, roundId: roundIds.get(r.id)!, participantId: participants.get(a.participantId)! }))),
      }),
    ];
  }

  /** The role a token grants on a board, or null. Never throws on malformed input. */
  async resolve(boardId: string, token: string | null | undefined): Promise<Access | null> {
    if (!token || !BOARD_ID_PATTERN.test(boardId) || !TOKEN_PATTERN.test(token)) return null;
    const hash = hashToken(token);
    const row = await this.prisma.boardToken.findUnique({ where: { hash } });
    if (!row || row.revokedAt || !sameHash(row.hash, hash) || row.boardId !== boardId) return null;
    return { boardId, role: row.role as Role, tokenHash: hash };
  }

  /** The links `token`'s role may give out (see ShareableTokens). */
  async shareable(access: Access, token: string): Promise<ShareableTokens> {
    if (access.role === "viewer") return { role: "viewer", viewToken: token };
    const row = await this.prisma.boardToken.findUnique({ where: { hash: access.tokenHash }, select: { sealedLinks: true } });
    const shared = openTokens(token, access.boardId, row?.sealedLinks ?? null);
    if (access.role === "editor") return { role: "editor", viewToken: shared.viewer ?? null };
    return { role: "owner", editToken: shared.editor ?? null, viewToken: shared.viewer ?? null };
  }

  /**
   * Replaces the edit and/or view link: the old tokens are revoked (kept, marked, so the
   * audit trail stays) and new ones issued. Returns the new tokens and the revoked digests.
   * The owner's token (who asks) opens the links it may share, so they are sealed again for
   * the owner and for the edit link with the new tokens in them.
   */
  async rotate(
    boardId: string,
    roles: ("editor" | "viewer")[],
    ownerToken: string,
  ): Promise<{ tokens: Partial<Record<"editor" | "viewer", string>>; revoked: string[] }> {
    const tokens: SharedTokens = {};
    for (const role of roles) tokens[role] = generateToken();
    const ownerHash = hashToken(ownerToken);
    const ownerRow = await this.prisma.boardToken.findUnique({ where: { hash: ownerHash }, select: { sealedLinks: true } });
    const known = openTokens(ownerToken, boardId, ownerRow?.sealedLinks ?? null);
    const editor = tokens.editor ?? known.editor;
    const viewer = tokens.viewer ?? known.viewer;
    const forEditor = (token: string) => (viewer ? sealTokens(token, boardId, { viewer }) : null);
    const old = await this.prisma.boardToken.findMany({ where: { boardId, role: { in: roles }, revokedAt: null }, select: { hash: true } });
    const keptEditLink =
      tokens.viewer && !tokens.editor
        ? [
            // The edit link stays but its view link changed: sealed again where its token is known
            // here, and forgotten where it is not (it would only show a dead link).
            this.prisma.boardToken.updateMany({ where: { boardId, role: "editor", revokedAt: null }, data: { sealedLinks: null } }),
            ...(editor ? [this.prisma.boardToken.updateMany({ where: { hash: hashToken(editor), boardId, revokedAt: null }, data: { sealedLinks: forEditor(editor) } })] : []),
          ]
        : [];
    await this.prisma.$transaction([
      this.prisma.boardToken.updateMany({ where: { boardId, role: { in: roles }, revokedAt: null }, data: { revokedAt: new Date() } }),
      this.prisma.boardToken.createMany({
        data: roles.map((role) => {
          const token = tokens[role]!;
          return { hash: hashToken(token), boardId, role, sealedLinks: role === "editor" ? forEditor(token) : null };
        }),
      }),
      ...keptEditLink,
      this.prisma.boardToken.updateMany({
        where: { hash: ownerHash, boardId, role: "owner" },
        data: { sealedLinks: sealTokens(ownerToken, boardId, { ...(editor ? { editor } : {}), ...(viewer ? { viewer } : {}) }) },
      }),
    ]);
    return { tokens, revoked: old.map((r) => r.hash) };
  }

  /**
   * Replaces the owner link: a new owner token, which keeps the edit and view links sealed under
   * it; the old one stops working. Returns the new token and the digest of the old one, whose
   * connections the caller closes.
   */
  async rotateOwner(boardId: string, ownerToken: string): Promise<{ ownerToken: string; revoked: string[] }> {
    const fresh = generateToken();
    const oldHash = hashToken(ownerToken);
    const row = await this.prisma.boardToken.findUnique({ where: { hash: oldHash }, select: { sealedLinks: true } });
    const known = openTokens(ownerToken, boardId, row?.sealedLinks ?? null);
    const links = { ...(known.editor ? { editor: known.editor } : {}), ...(known.viewer ? { viewer: known.viewer } : {}) };
    await this.prisma.$transaction([
      this.prisma.boardToken.updateMany({ where: { hash: oldHash, boardId, role: "owner", revokedAt: null }, data: { revokedAt: new Date() } }),
      this.prisma.boardToken.create({ data: { hash: hashToken(fresh), boardId, role: "owner", sealedLinks: sealTokens(fresh, boardId, links) } }),
    ]);
    return { ownerToken: fresh, revoked: [oldHash] };
  }

  /** Which of these digests no longer grant access (revoked, or their board is gone). */
  async revokedAmong(hashes: string[]): Promise<string[]> {
    const valid = await this.prisma.boardToken.findMany({ where: { hash: { in: hashes }, revokedAt: null }, select: { hash: true } });
    const ok = new Set(valid.map((r) => r.hash));
    return hashes.filter((h) => !ok.has(h));
  }

  async setTitle(boardId: string, title: string): Promise<void> {
    await this.prisma.board.update({ where: { id: boardId }, data: { title } });
  }
}
