/**
 * Where a board page keeps its token. Links carry it in the fragment (`/b/{id}#t=…`), which
 * browsers never send to a server, so no proxy or server log and no Referer ever holds it; old
 * links carry it in the query (`?t=…`), which still opens. Either way the page takes it out of
 * the address bar at once and keeps it in memory, and in this tab's sessionStorage so that a
 * reload (also offline, through the offline shell) opens the board again.
 */
import type { Role as BoardRole } from "@/lib/contracts/roles";

export interface PageAccess {
  token: string;
  /** The role the server granted this token, remembered for a reload while it is away. */
  role: BoardRole | null;
}

const key = (boardId: string) => `chainboard.page.${boardId}`;

/** The token in `href` (fragment first, then query), and `href` without it. */
export function takeToken(href: string): { token: string | null; clean: string } {
  const url = new URL(href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ""));
  const token = fragment.get("t") || url.searchParams.get("t") || null;
  fragment.delete("t");
  url.searchParams.delete("t");
  const rest = fragment.toString();
  url.hash = rest ? `#${rest}` : "";
  return { token, clean: url.toString() };
}

export function readPageAccess(boardId: string): PageAccess | null {
  try {
    const raw = window.sessionStorage.getItem(key(boardId));
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (typeof value !== "object" || value === null) return null;
    const { token, role } = value as Record<string, unknown>;
    if (typeof token !== "string" || !token) return null;
    return { token, role: role === "owner" || role === "editor" || role === "viewer" ? role : null };
  } catch {
    return null;
  }
}

export function writePageAccess(boardId: string, access: PageAccess): void {
  try {
    window.sessionStorage.setItem(key(boardId), JSON.stringify(access));
  } catch {
    // Disabled storage: the board works, a reload just needs the link again.
  }
}

export function forgetPageAccess(boardId: string): void {
  try {
    window.sessionStorage.removeItem(key(boardId));
  } catch {
    // as above
  }
}
