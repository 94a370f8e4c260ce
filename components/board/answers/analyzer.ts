/**
 * Answers of a board, from a Web Worker (analysis.worker.ts). One request at a time: while one
 * is worked on, a newer board replaces any request still waiting, so typing quickly on a big
 * board never queues up stale work. Where a worker cannot start, the answers are worked out
 * here, after the current task.
 */
import { analyzeBoard, type Answers } from "@/lib/valuechain/answers";
import type { Board } from "@/lib/valuechain/model";

type Done = (answers: Answers) => void;

export class Analyzer {
  private worker: Worker | null = null;
  private nextId = 1;
  private running: { id: number; board: Board; done: Done } | null = null;
  private waiting: { board: Board; done: Done } | null = null;

  constructor() {
    try {
      this.worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (event: MessageEvent<{ id: number; answers: Answers }>) => this.finished(event.data.id, event.data.answers);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.worker = null;
    }
  }

  /** Calls `done` with the answers of `board`, unless a newer board was asked for meanwhile. */
  analyze(board: Board, done: Done): void {
    if (this.running) {
      this.waiting = { board, done };
      return;
    }
    const id = this.nextId++;
    this.running = { id, board, done };
    if (this.worker) this.worker.postMessage({ id, board });
    else setTimeout(() => this.finished(id, analyzeBoard(board)), 0);
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = null;
    this.waiting = null;
  }

  private finished(id: number, answers: Answers): void {
    if (this.running?.id !== id) return;
    const { done } = this.running;
    this.running = null;
    const next = this.waiting;
    this.waiting = null;
    // A newer board is waiting: these answers are already out of date.
    if (next) this.analyze(next.board, next.done);
    else done(answers);
  }

  /** The worker failed to load or crashed: answer here from now on. */
  private fallBack(): void {
    console.warn("chainboard: analysis worker failed; answering on the main thread");
    this.worker?.terminate();
    this.worker = null;
    const retry = this.waiting ?? this.running;
    this.running = null;
    this.waiting = null;
    if (retry) this.analyze(retry.board, retry.done);
  }
}

/** The answers of one board that will not change (a saved version), off the main thread where a worker can start. */
export function analyzeOnce(board: Board): Promise<Answers> {
  const analyzer = new Analyzer();
  return new Promise((resolve) =>
    analyzer.analyze(board, (answers) => {
      analyzer.destroy();
      resolve(answers);
    }),
  );
}
