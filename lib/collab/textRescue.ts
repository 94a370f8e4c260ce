/**
 * A free-text field still holding a plain string becomes a Y.Text on its first edit
 * (text.ts, ensureText). When two browsers do that at the same moment, each creates its own
 * Y.Text and types into it; once they merge, the map keeps one of the two and the other's
 * typing is gone. The browser whose Y.Text lost sees it replaced, and re-applies what it typed
 * into the winner as a three-way merge (base string → its own text, patched onto the winner's
 * text), so no one's characters are lost. The same carries a person's typing over when a stock
 * client overwrites the field with a plain string at that moment.
 */
import * as Y from "yjs";
import { applyEdit, ensureText, readText, textEdit, upgradeBase } from "./text";
import { mergeOnto } from "./textMerge";

/** What a Y.Text this browser upgraded held last, read before a merge could delete it. */
const lastSeen = new WeakMap<Y.Text, string>();

/** Remembers the content of upgraded texts as they change (call on every change of the doc). */
function remember(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
  for (const event of events) {
    const target = event.target;
    if (target instanceof Y.Text && upgradeBase(target) !== undefined) lastSeen.set(target, target.toString());
  }
}

/**
 * Watches the given shared types (recursively) and rescues replaced upgraded texts. Returns
 * the function that stops watching.
 */
export function watchReplacedTexts(types: readonly Y.Map<unknown>[]): () => void {
  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    remember(events);
    if (transaction.local) return;
    for (const event of events) {
      if (!(event.target instanceof Y.Map)) continue;
      const map = event.target as Y.Map<unknown>;
      event.changes.keys.forEach((change, key) => {
        if (change.action !== "update" || !(change.oldValue instanceof Y.Text)) return;
        const replaced = change.oldValue;
        const base = upgradeBase(replaced);
        const ours = lastSeen.get(replaced);
        if (base === undefined || ours === undefined || ours === base) return;
        // After the merging transaction: edits inside an observer would be folded into it.
        queueMicrotask(() => {
          const doc = map.doc;
          if (!doc || map._item?.deleted) return;
          const winner = readText(map.get(key));
          const merged = mergeOnto(base, ours, winner);
          const edit = textEdit(winner, merged);
          if (!edit) return;
          const text = ensureText(map, key);
          doc.transact(() => applyEdit(text, edit));
        });
      });
    }
  };
  for (const type of types) type.observeDeep(onChange);
  return () => {
    for (const type of types) type.unobserveDeep(onChange);
  };
}
