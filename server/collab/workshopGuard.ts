/**
 * R-WORKSHOP: the document's `workshop` map (the round as everyone sees it, who answered, the
 * spotlight, the editing pause) is written by the server only. A client's update that
 * touches it is still integrated, so the client's clock has no gap and its later updates
 * apply, but in the same transaction the server puts back what it last wrote there: the
 * update relayed and stored carries the forged write already overwritten, and no other client
 * ever sees it.
 */
import * as Y from "yjs";
import { workshopOf } from "../../lib/collab/boardDoc";

/** What the server last wrote: plain values, and nested maps as plain objects. */
type Written = Map<string, { value: unknown } | { map: Record<string, unknown> }>;

export function captureWorkshop(doc: Y.Doc): Written {
  const written: Written = new Map();
  workshopOf(doc).forEach((value, key) => {
    written.set(key, value instanceof Y.Map ? { map: value.toJSON() } : { value: value instanceof Y.AbstractType ? value.toJSON() : value });
  });
  return written;
}

/** Whether this transaction changed the workshop map or anything inside it. */
export function touchesWorkshop(tr: Y.Transaction, doc: Y.Doc): boolean {
  const workshop: unknown = workshopOf(doc);
  for (const type of tr.changed.keys()) {
    let t: { _item: Y.Item | null } | null = type;
    while (t) {
      if (t === workshop) return true;
      t = (t._item?.parent as { _item: Y.Item | null } | undefined) ?? null;
    }
  }
  return false;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Puts the workshop map back to `written`, touching only what differs. */
export function restoreWorkshop(doc: Y.Doc, written: Written): void {
  const workshop = workshopOf(doc);
  for (const key of [...workshop.keys()]) if (!written.has(key)) workshop.delete(key);
  for (const [key, want] of written) {
    const have = workshop.get(key);
    if ("map" in want) {
      if (!(have instanceof Y.Map)) {
        const map = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(want.map)) map.set(k, v);
        workshop.set(key, map);
        continue;
      }
      for (const k of [...have.keys()]) if (!(k in want.map)) have.delete(k);
      for (const [k, v] of Object.entries(want.map)) if (!same(have.get(k), v)) have.set(k, v);
    } else {
      const plain = have instanceof Y.AbstractType ? have.toJSON() : have;
      if (have instanceof Y.AbstractType || !same(plain, want.value)) workshop.set(key, want.value);
    }
  }
}
