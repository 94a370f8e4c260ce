/**
 * What replaces the live canvas, kept in the address beside the token so reloading or sharing
 * the link lands on it, and the browser's Back leaves it:
 *   `/b/{id}?t=…&version={versionId}`     one version, read-only;
 *   `/b/{id}?t=…&compare={from}..{to}`     a comparison, where each side is a version id or `live`.
 * Version ids are base64url, so ".." never occurs inside one.
 */
import type { BoardRef } from "@/lib/contracts/versions";

/** One version, read-only, or a comparison of two boards. */
export type VersionView = { kind: "version"; id: string } | { kind: "compare"; from: BoardRef; to: BoardRef };

export const VERSION_PARAM = "version";
export const COMPARE_PARAM = "compare";
const SEPARATOR = "..";
const REF = /^[A-Za-z0-9_-]{1,64}$/;

/** The view a query string asks for, or null when it asks for none (or for nonsense). */
export function readView(search: string): VersionView | null {
  const params = new URLSearchParams(search);
  const pair = params.get(COMPARE_PARAM);
  if (pair) {
    const [from, to, ...rest] = pair.split(SEPARATOR);
    return rest.length === 0 && REF.test(from ?? "") && REF.test(to ?? "") ? { kind: "compare", from, to } : null;
  }
  const id = params.get(VERSION_PARAM);
  return id && REF.test(id) && id !== "live" ? { kind: "version", id } : null;
}

/** `href` showing `view` (the live board for null); every other parameter, the token first, kept. */
export function hrefWithView(href: string, view: VersionView | null): string {
  const url = new URL(href);
  url.searchParams.delete(COMPARE_PARAM);
  url.searchParams.delete(VERSION_PARAM);
  if (view?.kind === "compare") url.searchParams.set(COMPARE_PARAM, `${view.from}${SEPARATOR}${view.to}`);
  if (view?.kind === "version") url.searchParams.set(VERSION_PARAM, view.id);
  return url.toString();
}

export function sameView(a: VersionView | null, b: VersionView | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "version") return b.kind === "version" && a.id === b.id;
  return b.kind === "compare" && a.from === b.from && a.to === b.to;
}
