/**
 * Reads the heap of a server process started with `--inspect=127.0.0.1:0` through the V8
 * inspector protocol: forces a full garbage collection, then reads
 * process.memoryUsage().heapUsed. Used until /healthz reports `heapUsed` itself.
 */
import WebSocket from "ws";

export class Inspector {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private chunks: string[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { id?: number; method?: string; params?: { chunk: string }; result?: unknown; error?: { message: string } };
      if (msg.method === "HeapProfiler.addHeapSnapshotChunk") this.chunks.push(msg.params!.chunk);
      if (msg.id === undefined) return;
      const done = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      done?.(msg.error ? new Error(msg.error.message) : msg.result);
    });
  }

  /** Connects to the inspector whose "Debugger listening on ws://…" line is in `output`. */
  static async attach(output: () => string, timeoutMs = 10_000): Promise<Inspector> {
    const deadline = Date.now() + timeoutMs;
    let url: string | undefined;
    while (!(url = output().match(/Debugger listening on (ws:\/\/\S+)/)?.[1])) {
      if (Date.now() > deadline) throw new Error("the server printed no inspector address");
      await new Promise((r) => setTimeout(r, 50));
    }
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return new Inspector(ws);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (result) => (result instanceof Error ? reject(result) : resolve(result)));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * heapUsed after full garbage collections: the smallest of `readings`, each taken a moment
   * after its GC. The process must run with --expose-gc. V8 sweeps concurrently, so
   * heapUsed read right after gc() can still count tens of MB of garbage on pages not swept
   * yet, the more so on a busy machine; waiting lets the sweeper finish.
   */
  async heapUsed(settleMs = 300, readings = 1): Promise<number> {
    let best = Infinity;
    for (let i = 0; i < readings; i++) {
      const gc = (await this.send("Runtime.evaluate", { expression: "globalThis.gc(); globalThis.gc(); 0", returnByValue: true })) as {
        exceptionDetails?: unknown;
      };
      if (gc.exceptionDetails) throw new Error("the server must run with --expose-gc");
      await new Promise((r) => setTimeout(r, settleMs));
      const r = (await this.send("Runtime.evaluate", { expression: "process.memoryUsage().heapUsed", returnByValue: true })) as {
        result: { value: number };
      };
      best = Math.min(best, r.result.value);
    }
    return best;
  }

  /**
   * The settled heap: heapUsed readings (as above) 1 s apart until two agree within 1%. A
   * reading taken in the middle of activity can count tens of MB that the next one does not
   * (seen at a baseline right after a warm-up); a leak never settles lower.
   */
  async settledHeapUsed(): Promise<number> {
    let last = await this.heapUsed();
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const next = await this.heapUsed();
      if (Math.abs(next - last) <= last * 0.01) return Math.min(next, last);
      last = next;
    }
    return last;
  }

  /** For diagnosing a leak: retained objects (count, self bytes) per type and constructor name. */
  async heapSummary(): Promise<Map<string, { count: number; bytes: number }>> {
    await this.send("HeapProfiler.collectGarbage");
    this.chunks = [];
    await this.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    const snap = JSON.parse(this.chunks.join("")) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    this.chunks = [];
    const width = snap.snapshot.meta.node_fields.length;
    const types = snap.snapshot.meta.node_types[0];
    const out = new Map<string, { count: number; bytes: number }>();
    for (let i = 0; i < snap.nodes.length; i += width) {
      const type = types[snap.nodes[i]];
      const key = type.includes("string") ? type : `${type}:${snap.strings[snap.nodes[i + 1]].slice(0, 80)}`;
      const entry = out.get(key) ?? { count: 0, bytes: 0 };
      entry.count++;
      entry.bytes += snap.nodes[i + 3];
      out.set(key, entry);
    }
    return out;
  }

  close(): void {
    this.ws.close();
  }
}

/** What grew between two heap summaries, largest first: one line per type and constructor. */
export function heapGrowth(before: Map<string, { count: number; bytes: number }>, after: Map<string, { count: number; bytes: number }>, top = 25): string {
  return [...after.entries()]
    .map(([k, v]) => ({ k, count: v.count - (before.get(k)?.count ?? 0), bytes: v.bytes - (before.get(k)?.bytes ?? 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map((g) => `${String(g.bytes).padStart(10)} ${String(g.count).padStart(7)} ${g.k}`)
    .join("\n");
}
