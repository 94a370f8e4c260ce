/**
 * What the collaboration server needs from storage. The room never sees Prisma; the SQLite
 * and PostgreSQL stores are one Prisma implementation (identical models), and tests run the
 * same contract suite against each.
 */
export interface StoredDoc {
  /** Compacted state, or null when the board was never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Id of the newest update row included above (0 when none). */
  lastUpdateId: number;
}

export interface DocStore {
  /** Throws BoardNotFoundError when the board does not exist. */
  load(boardId: string): Promise<StoredDoc>;
  /** Commits the updates durably, in order, in one transaction; returns the id of the last row. */
  append(boardId: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the snapshot with `state` and drops the update rows up to `uptoUpdateId`, atomically. */
  compact(boardId: string, state: Uint8Array, uptoUpdateId: number): Promise<void>;
}

export class BoardNotFoundError extends Error {
  readonly reason = "board_not_found";
  constructor(boardId: string) {
    super(`Board ${boardId} does not exist`);
  }
}
