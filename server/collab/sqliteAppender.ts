/**
 * R-COMMIT on SQLite: the grouped commit runs in a worker thread (sqliteAppendWorker.mjs) with
 * its own connection to the same file, so that waiting for the disk never holds up the relay.
 * Measured with `npm run bench -- collab` (scenario c): with the commit on the event loop,
 * better-sqlite3's synchronous write took a fifth of the server's CPU profile and set its p99.
 * Other writes (boards, versions, compaction) stay on Prisma's connection; SQLite's lock and
 * both connections' busy timeout order them.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { AppendBatch } from "./docStore";

type Reply = { id: number; ids: number[][] } | { id: number; error: string };

export class SqliteAppender {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (ids: number[][]) => void; reject: (err: Error) => void }>();

  constructor(
    private readonly file: string,
    private readonly synchronous: string,
    private readonly busyTimeoutMs = 5000,
  ) {}

  append(batches: AppendBatch[]): Promise<number[][]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const worker = this.start();
      worker.ref();
      worker.postMessage({ id, batches });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // A computed path (not `new URL(…)`) so that bundlers leave the worker alone.
    const worker = new Worker(path.join(import.meta.dirname, "sqliteAppendWorker.mjs"), {
      workerData: { file: this.file, synchronous: this.synchronous, busyTimeoutMs: this.busyTimeoutMs },
    });
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (!this.waiting.size) worker.unref();
      if ("error" in reply) pending.reject(new Error(`commit failed: ${reply.error}`));
      else pending.resolve(reply.ids);
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the commit worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
