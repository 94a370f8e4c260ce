/**
 * Which comment messages this browser has seen, per board, in localStorage
 * (`chainboard.seen.{boardId}`: message ids, newest last, at most MAX_SEEN). Storage can be
 * full, disabled or edited by hand: reads validate, writes never throw. A board this browser
 * has no record of starts with everything already there counted as seen, so only what others
 * write from then on is unread.
 */
const MAX_SEEN = 5000;
const key = (boardId: string) => `chainboard.seen.${boardId}`;

export function loadSeen(boardId: string): Set<string> | null {
  try {
    const raw = window.localStorage.getItem(key(boardId));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

export function saveSeen(boardId: string, seen: ReadonlySet<string>): void {
  try {
    window.localStorage.setItem(key(boardId), JSON.stringify([...seen].slice(-MAX_SEEN)));
  } catch {
    // Full or disabled storage: unread marks come back after a reload, nothing else is lost.
  }
}
