/**
 * What a board costs in server memory, and whether the process can take more.
 *
 * The rule (docs/reliability.md): a board's estimated memory is
 *   STRUCT_COST × (structs in its Y.Doc) + (bytes of its updates)
 * A struct is Yjs's unit of content (a map entry, a run of typed characters, a tombstone).
 * Measured on Node 20: one-key map entries take 330 bytes of heap each in a bare Y.Doc and
 * about 600 in a loaded room (with its update log and relay messages), while their encoding
 * takes 14 — which is why a byte limit alone let a 16 MiB board cost 600 MB.
 */
import v8 from "node:v8";
import type * as Y from "yjs";

export const STRUCT_COST = 600;

/** Structs held by the document: the length of every client's struct list. */
export function structCount(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

export function estimateMemory(structs: number, bytes: number): number {
  return structs * STRUCT_COST + bytes;
}

export interface HeapBudget {
  /** Past this heap in use, new boards are refused (4503 / 503). */
  boards: number;
  /**
   * Past this, updates that add content are refused too (1013, retried later): boards loaded
   * while memory was plentiful can still grow, and without this they could grow together
   * until the process dies. Halfway from the first budget to V8's own limit.
   */
  updates: number;
}

export function heapBudget(configured: number): HeapBudget {
  const limit = v8.getHeapStatistics().heap_size_limit;
  const boards = configured > 0 ? Math.min(configured, limit) : Math.floor(limit * 0.7);
  return { boards, updates: Math.floor(boards + (limit - boards) / 2) };
}

export function heapUsed(): number {
  return v8.getHeapStatistics().used_heap_size;
}
