/**
 * R-COMMIT: the process's one commit pipeline. Rooms relay an update at once and hand it here;
 * every update waiting in any room when the pipeline runs is committed in one transaction, so
 * that a workshop day's many busy boards share commits instead of queueing behind each other's.
 * One transaction is in flight at a time: what arrives meanwhile forms the next group.
 */
import type { Logger } from "pino";
import type { DocStore } from "./docStore";

export interface CommitSource {
  readonly boardId: string;
  /** Hands over every update waiting for its commit, oldest first. */
  takeUncommitted(): Uint8Array[];
  /** The `count` updates handed over last are stored, in `rowIds`. */
  committed(count: number, rowIds: number[]): void;
  /** They could not be stored. */
  commitFailed(err: unknown): void;
}

export interface CommitStats {
  seconds: number;
  updates: number;
  boards: number;
}

export class CommitPipeline {
  private readonly due = new Set<CommitSource>();
  private scheduled = false;
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly observe: (stats: CommitStats) => void = () => {},
    /** Fault injection for tests (FAULT_COMMIT_DELAY_MS): holds every commit open this long. */
    private readonly delayMs = 0,
  ) {}

  /** `source` has updates waiting: they join the next transaction. */
  schedule(source: CommitSource): void {
    this.due.add(source);
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    // Everything that arrives in this event-loop turn joins the first group.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  /** Resolves once nothing is waiting or in flight. */
  whenIdle(): Promise<void> {
    if (!this.running && !this.scheduled && !this.due.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.due.size) {
      const sources = [...this.due];
      this.due.clear();
      const groups = sources.map((source) => ({ source, updates: source.takeUncommitted() })).filter((g) => g.updates.length);
      if (groups.length) await this.commit(groups);
    }
    // Set before anything else can run, so a schedule() from here on starts a new run.
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async commit(groups: { source: CommitSource; updates: Uint8Array[] }[]): Promise<void> {
    const started = performance.now();
    let ids: number[][];
    try {
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      ids = await this.store.append(groups.map((g) => ({ boardId: g.source.boardId, updates: g.updates })));
    } catch (err) {
      if (groups.length === 1) return groups[0].source.commitFailed(err);
      // One board's failure (deleted a moment ago, say) must not fail every other board: each
      // is tried alone, and only those that fail alone are failed.
      this.log.warn({ err, boards: groups.length }, "grouped commit failed; committing each board alone");
      for (const g of groups) await this.commit([g]);
      return;
    }
    this.observe({ seconds: (performance.now() - started) / 1000, updates: groups.reduce((n, g) => n + g.updates.length, 0), boards: groups.length });
    groups.forEach((g, i) => g.source.committed(g.updates.length, ids[i]));
  }
}
