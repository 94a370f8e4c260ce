/**
 * Named and automatic versions of a board: the full Yjs state plus its chainboard/v1
 * projection, stored through Prisma. Listing never loads the states. Restoring writes the
 * version into the live document as one change (everyone connected follows), after saving
 * the state before it as an automatic version, so a restore never destroys anything.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/database";
import type { Room } from "../collab/room";
import { snapshotOf, type LiveBoards, type Snapshot } from "../boards/liveBoards";
import { writeBoard } from "../../lib/collab/boardDoc";
import { toBoardFile } from "../../lib/valuechain/schema";
import type { Board, BoardFile } from "../../lib/valuechain/model";
import { LIVE, type BoardRef, type VersionSummary } from "../../lib/contracts/versions";
import type { VersionErrorReason } from "../../lib/contracts/errors";
import { autoVersionsToDelete } from "./thinning";

export class VersionNotFoundError extends Error {
  readonly reason: VersionErrorReason = "version_not_found";
}

/** The board already keeps MAX_NAMED_VERSIONS_PER_BOARD named versions. */
export class VersionQuotaError extends Error {
  readonly reason: VersionErrorReason = "version_quota";
  constructor(readonly limit: number) {
    super(`This board already keeps ${limit} named versions, the most it may; delete one before saving another.`);
  }
}

const SUMMARY = { id: true, name: true, note: true, author: true, auto: true, createdAt: true } as const;

function summary(row: { id: string; name: string; note: string; author: string; auto: boolean; createdAt: Date }): VersionSummary {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export interface SaveRequest {
  name: string;
  note?: string;
  author: string;
  auto?: boolean;
}

export class VersionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly live: LiveBoards,
    private readonly log: Logger,
    private readonly limits: { maxNamedVersionsPerBoard: number },
  ) {}

  /**
   * Saves a version. Named versions are full copies of the board that nothing thins, so their
   * number is bounded; automatic ones are not counted (thinning bounds them).
   */
  async save(boardId: string, req: SaveRequest): Promise<VersionSummary> {
    if (!req.auto) {
      const named = await this.prisma.version.count({ where: { boardId, auto: false } });
      if (named >= this.limits.maxNamedVersionsPerBoard) throw new VersionQuotaError(this.limits.maxNamedVersionsPerBoard);
    }
    return this.store(boardId, req, await this.live.open(boardId, (board) => board.snapshot()));
  }

  /** Saves from a loaded room (the automatic versions' hooks) without waiting: the state is captured at once. */
  saveFromRoom(room: Room, req: SaveRequest): Promise<VersionSummary> {
    return this.store(room.boardId, req, snapshotOf(room));
  }

  private async store(boardId: string, req: SaveRequest, snapshot: Snapshot): Promise<VersionSummary> {
    const row = await this.prisma.version.create({
      data: {
        id: randomBytes(9).toString("base64url"),
        boardId,
        name: req.name,
        note: req.note ?? "",
        author: req.author,
        auto: req.auto ?? false,
        state: new Uint8Array(snapshot.state),
        file: JSON.stringify(toBoardFile(snapshot.board)),
      },
      select: SUMMARY,
    });
    if (row.auto) await this.thin(boardId);
    return summary(row);
  }

  async list(boardId: string): Promise<VersionSummary[]> {
    const rows = await this.prisma.version.findMany({ where: { boardId }, select: SUMMARY, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    return rows.map(summary);
  }

  async file(boardId: string, versionId: string): Promise<BoardFile> {
    const row = await this.prisma.version.findFirst({ where: { id: versionId, boardId }, select: { file: true } });
    if (!row) throw new VersionNotFoundError(`No version ${versionId} on this board`);
    return JSON.parse(row.file) as BoardFile;
  }

  /** A version's board, or the live board for LIVE. */
  async board(boardId: string, ref: BoardRef): Promise<Board> {
    if (ref === LIVE) return this.live.read(boardId);
    const { format: _format, ...board } = await this.file(boardId, ref);
    return board;
  }

  async update(boardId: string, versionId: string, fields: { name?: string; note?: string }): Promise<VersionSummary> {
    const { count } = await this.prisma.version.updateMany({ where: { id: versionId, boardId }, data: fields });
    if (!count) throw new VersionNotFoundError(`No version ${versionId} on this board`);
    return summary((await this.prisma.version.findUniqueOrThrow({ where: { id: versionId }, select: SUMMARY })));
  }

  async remove(boardId: string, versionId: string): Promise<void> {
    const { count } = await this.prisma.version.deleteMany({ where: { id: versionId, boardId } });
    if (!count) throw new VersionNotFoundError(`No version ${versionId} on this board`);
  }

  /**
   * Saves the live state as an automatic version, then (with apply) writes the version into
   * the live document as one transaction. Without apply the caller (the browser) applies it
   * itself, so the change lands in that person's undo history.
   */
  async restore(boardId: string, versionId: string, author: string, apply: boolean): Promise<{ backup: VersionSummary; file: BoardFile }> {
    const target = await this.prisma.version.findFirst({ where: { id: versionId, boardId }, select: { name: true, file: true } });
    if (!target) throw new VersionNotFoundError(`No version ${versionId} on this board`);
    const file = JSON.parse(target.file) as BoardFile;
    // One hold on the board from the backup to the write: the backup is the state the restore replaced.
    return this.live.open(boardId, async (held) => {
      const backup = await this.store(boardId, { name: `Before restoring “${target.name}”`, author, auto: true }, held.snapshot());
      if (apply) {
        const { format: _format, ...board } = file;
        await held.change((doc) => writeBoard(doc, board, RESTORE_ORIGIN));
      }
      this.log.info({ boardId, versionId, apply }, "restored version");
      return { backup, file };
    });
  }

  private async thin(boardId: string): Promise<void> {
    const autos = await this.prisma.version.findMany({ where: { boardId, auto: true }, select: { id: true, createdAt: true } });
    const gone = autoVersionsToDelete(autos);
    if (gone.length) await this.prisma.version.deleteMany({ where: { id: { in: gone } } });
  }
}

export const RESTORE_ORIGIN = Symbol("restore-version");
