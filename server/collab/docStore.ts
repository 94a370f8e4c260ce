/**
 * What the collaboration server needs from storage. The room never sees Prisma; the SQLite
 * and PostgreSQL stores are one Prisma implementation (identical models), and tests run the
 * same contract suite against each.
 */
export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

export interface StoredDoc {
  /** Compacted state, or null when the board was never compacted. */
  snapshot: Uint8Array | null;
  /** The snapshot's compare-and-set version (R-COMPACT); null when there is no snapshot row. */
  version: number | null;
  /**
   * Every update row of the board, oldest first. Rows written by another process while a
   * compaction ran may predate the snapshot and overlap it: replaying them is harmless.
   */
  updates: StoredUpdate[];
}

/** One board's share of a grouped commit. */
export interface AppendBatch {
  boardId: string;
  updates: Uint8Array[];
}

export interface Snapshot {
  state: Uint8Array;
  version: number;
}

export interface DocStore {
  /** Throws BoardNotFoundError when the board does not exist. */
  load(boardId: string): Promise<StoredDoc>;
  /**
   * Commits the updates of every batch durably, in one transaction (all or nothing); returns the
   * row ids of each batch, in the order of `batches`.
   */
  append(batches: AppendBatch[]): Promise<number[][]>;
  /** The board's snapshot when its version is no longer `known` (another process compacted). */
  snapshotIfChanged(boardId: string, known: number | null): Promise<Snapshot | null>;
  /**
   * Replaces the snapshot with `state` and deletes the update rows `rowIds` (whose content `state`
   * holds), atomically, provided the snapshot is still at version `expected` (null: no snapshot
   * row yet). Returns the new version, or null when another process compacted first and nothing
   * was written.
   */
  compact(boardId: string, state: Uint8Array, expected: number | null, rowIds: number[]): Promise<number | null>;
}

export class BoardNotFoundError extends Error {
  readonly reason = "board_not_found";
  constructor(boardId: string) {
    super(`Board ${boardId} does not exist`);
  }
}
