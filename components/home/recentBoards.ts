/**
 * What this browser remembers about boards, in localStorage:
 *   chainboard.boards        RecentBoard[]: every board created or opened here, with the
 *                            link it was opened with (the strongest role's link wins)
 *   chainboard.links.{id}    BoardLinks: the three share links, stored when this browser
 *                            created the board (the server shows the owner link only then;
 *                            the edit and view links it shows again, GET …/tokens, except on
 *                            boards made before it kept them)
 * Storage can be full, disabled or edited by hand: reads validate, writes never throw.
 */
import { isRole, roleAtLeast, type Role } from "@/lib/contracts/roles";

export interface RecentBoard {
  id: string;
  title: string;
  role: Role;
  link: string;
  /** ISO 8601 */
  lastOpened: string;
}

export interface BoardLinks {
  owner: string;
  edit: string;
  view: string;
}

const BOARDS_KEY = "chainboard.boards";
const linksKey = (id: string) => `chainboard.links.${id}`;
/** Same-tab writers announce changes with this event; other tabs get the "storage" event. */
export const RECENT_BOARDS_CHANGED = "chainboard:boards-changed";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A board's page link: the token in the fragment, which no server, proxy log or Referer sees. */
export function boardLink(origin: string, id: string, token: string): string {
  return `${origin}/b/${encodeURIComponent(id)}#t=${encodeURIComponent(token)}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the board still works, this browser just forgets it.
  }
}

export function readRecentBoardsRaw(): string | null {
  try {
    return storage()?.getItem(BOARDS_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The stored list, most recently opened first; invalid entries are dropped. */
export function parseRecentBoards(raw: string | null): RecentBoard[] {
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : [];
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(
      (b): b is RecentBoard =>
        isRecord(b) &&
        typeof b.id === "string" &&
        typeof b.title === "string" &&
        isRole(b.role) &&
        typeof b.link === "string" &&
        typeof b.lastOpened === "string" &&
        !Number.isNaN(Date.parse(b.lastOpened)),
    )
    .sort((a, b) => (a.lastOpened < b.lastOpened ? 1 : a.lastOpened > b.lastOpened ? -1 : 0));
}

/** Adds or refreshes one board; a weaker role never replaces a stronger role's link. */
export function mergeRecentBoard(list: readonly RecentBoard[], entry: RecentBoard): RecentBoard[] {
  const existing = list.find((b) => b.id === entry.id);
  const keep = existing && !roleAtLeast(entry.role, existing.role) ? { role: existing.role, link: existing.link } : {};
  return [{ ...entry, ...keep }, ...list.filter((b) => b.id !== entry.id)];
}

function saveList(list: RecentBoard[]): void {
  write(BOARDS_KEY, list);
  window.dispatchEvent(new Event(RECENT_BOARDS_CHANGED));
}

export function rememberBoard(entry: RecentBoard): void {
  if (!storage()) return;
  saveList(mergeRecentBoard(parseRecentBoards(readRecentBoardsRaw()), entry));
}

/** After the owner link was replaced: the board's entry opens with the new one. */
export function replaceRecentLink(id: string, link: string): void {
  if (!storage()) return;
  saveList(parseRecentBoards(readRecentBoardsRaw()).map((b) => (b.id === id ? { ...b, link } : b)));
}

export function forgetBoard(id: string): void {
  if (!storage()) return;
  saveList(parseRecentBoards(readRecentBoardsRaw()).filter((b) => b.id !== id));
}

export function readBoardLinks(id: string): BoardLinks | null {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(linksKey(id)) ?? "null");
    if (isRecord(parsed) && typeof parsed.owner === "string" && typeof parsed.edit === "string" && typeof parsed.view === "string") {
      return { owner: parsed.owner, edit: parsed.edit, view: parsed.view };
    }
  } catch {
    // Unreadable: treat as unknown.
  }
  return null;
}

export function saveBoardLinks(id: string, links: BoardLinks): void {
  write(linksKey(id), links);
}
