/**
 * Snapshots are built in a worker thread (compactWorker.mjs), one at a time per process, so
 * that compacting a large board never stalls the relay of everyone's edits, and so that at
 * most one board's worth of compaction memory exists at once.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";

export interface Compacted {
  /** The merged, garbage-collected state, without anything Yjs could not integrate. */
  state: Uint8Array;
  /** Bytes of unintegrable content that were left out (0 for a healthy board). */
  dropped: number;
}

type Reply = { id: number; state: Uint8Array; dropped: number } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (c: Compacted) => void; reject: (e: Error) => void }>();

function failAll(err: Error): void {
  for (const w of waiting.values()) w.reject(err);
  waiting.clear();
  worker = null;
}

function compactor(): Worker {
  if (worker) return worker;
  // A computed path (not `new URL(…)`) so that bundlers leave the worker alone.
  const w = new Worker(path.join(import.meta.dirname, "compactWorker.mjs"));
  w.unref();
  w.on("message", (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (!waiting.size) w.unref();
    if ("error" in reply) pending.reject(new Error(`compaction failed: ${reply.error}`));
    else pending.resolve({ state: reply.state, dropped: reply.dropped });
  });
  w.on("error", (err) => failAll(err));
  w.on("exit", (code) => failAll(new Error(`compaction worker exited with ${code}`)));
  worker = w;
  return w;
}

/** Merges `updates` (oldest first, e.g. a snapshot and the updates after it) into one snapshot. */
export function compactUpdates(updates: Uint8Array[]): Promise<Compacted> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const w = compactor();
    // Keep the process alive while a compaction is owed, and only then.
    w.ref();
    w.postMessage({ id, updates });
  });
}
