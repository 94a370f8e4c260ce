/**
 * Free-text fields of the board document (PRODUCT.md): `meta.title`; a player's `name`, `why`
 * and `notes`; a channel's `label`. Each may hold a plain string (stock clients, older boards)
 * or a `Y.Text`, which merges concurrent typing character by character. Readers accept both;
 * writers here always leave a `Y.Text` behind and change it by the smallest edit, so that
 * whatever someone else typed at the same moment survives.
 */
import * as Y from "yjs";

export const PLAYER_TEXT_FIELDS = ["name", "why", "notes"] as const;
export const CHANNEL_TEXT_FIELDS = ["label"] as const;
export type PlayerTextField = (typeof PLAYER_TEXT_FIELDS)[number];
export type ChannelTextField = (typeof CHANNEL_TEXT_FIELDS)[number];

/**
 * The origin of the transaction that turns a plain string into a `Y.Text`. It is not an
 * edit of anyone's, so the undo manager does not track it: undoing one's first keystrokes in
 * a field removes those keystrokes, never the collaborative text others may be typing into.
 */
export const TEXT_UPGRADE_ORIGIN = Symbol("text-upgrade");

/** The text of a field that may hold a string or a Y.Text; `fallback` for anything else. */
export function readText(value: unknown, fallback = ""): string {
  if (typeof value === "string") return value;
  if (value instanceof Y.Text) return value.toString();
  return fallback;
}

/** One contiguous replacement: delete `remove` characters at `index`, then insert `insert` there. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The single edit that turns `before` into `after`. With the caret where the edit ended
 * (`caret`, an index in `after`), the text after the caret is taken as unchanged first, so a
 * repeated letter typed or deleted is placed where the person typed it ("aa" with an "a"
 * typed between the two is an insert at 1, not at 2), which matters when someone else types
 * next to it at the same moment.
 */
export function textEdit(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null;
  const commonSuffix = (limit: number) => {
    let n = 0;
    while (n < limit && before.charCodeAt(before.length - 1 - n) === after.charCodeAt(after.length - 1 - n)) n++;
    return n;
  };
  const commonPrefix = (limit: number) => {
    let n = 0;
    while (n < limit && before.charCodeAt(n) === after.charCodeAt(n)) n++;
    return n;
  };
  let prefix: number;
  let suffix: number;
  if (caret !== undefined && caret >= 0 && caret <= after.length) {
    suffix = commonSuffix(Math.min(before.length, after.length - caret));
    prefix = commonPrefix(Math.min(before.length, after.length) - suffix);
  } else {
    prefix = commonPrefix(Math.min(before.length, after.length));
    suffix = commonSuffix(Math.min(before.length, after.length) - prefix);
  }
  // Never split a surrogate pair: an emoji is one character to the person typing it.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Applies an edit to a Y.Text (inside the caller's transaction, if any). */
export function applyEdit(text: Y.Text, edit: TextEdit): void {
  if (edit.remove > 0) text.delete(edit.index, edit.remove);
  if (edit.insert) text.insert(edit.index, edit.insert);
}

/**
 * Makes `map[key]` hold `value`. An existing Y.Text is edited by the smallest change (so text
 * typed concurrently elsewhere in it survives); a string or a missing field becomes a Y.Text.
 */
export function writeText(map: Y.Map<unknown>, key: string, value: string): void {
  const current = map.get(key);
  if (current instanceof Y.Text) {
    const edit = textEdit(current.toString(), value);
    if (edit) applyEdit(current, edit);
    return;
  }
  map.set(key, new Y.Text(value));
}

/**
 * The field as a Y.Text, turning a plain string into one first, in a transaction of its own
 * (TEXT_UPGRADE_ORIGIN). Two people doing this at once each create a Y.Text and one replaces
 * the other when they merge; `rescueReplacedText` carries the loser's typing over.
 */
export function ensureText(map: Y.Map<unknown>, key: string): Y.Text {
  const current = map.get(key);
  if (current instanceof Y.Text) return current;
  const base = readText(current);
  const text = new Y.Text(base);
  const doc = map.doc;
  if (doc) doc.transact(() => map.set(key, text), TEXT_UPGRADE_ORIGIN);
  else map.set(key, text);
  upgradedFrom.set(text, base);
  return text;
}

/** The string each Y.Text this browser created by `ensureText` started from. */
const upgradedFrom = new WeakMap<Y.Text, string>();

/** The base string of a Y.Text this browser upgraded, if it did. */
export function upgradeBase(text: Y.Text): string | undefined {
  return upgradedFrom.get(text);
}
