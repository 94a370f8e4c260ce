/**
 * Three-way merge of plain text, for the rare moments when typing was made against a value that
 * is no longer the shared one (two people turning the same string field into collaborative
 * text at once; a remote change that arrived while an input method was composing). The change
 * from `base` to `ours` is patched onto `theirs` by diff-match-patch, whose fuzzy patching is
 * made for exactly this and is far better tested than anything hand-written would be.
 */
import { applyPatches, makePatches } from "@sanity/diff-match-patch";

export function mergeOnto(base: string, ours: string, theirs: string): string {
  if (ours === base) return theirs;
  if (theirs === base) return ours;
  const [merged] = applyPatches(makePatches(base, ours), theirs);
  return merged;
}
