/**
 * A comparison as a link: `/b/{id}?t=…&compare={from}..{to}`, where each side is a version id
 * or `live`. Version ids are base64url, so ".." never occurs inside one.
 */
import type { BoardRef } from "./versionsApi";

export const COMPARE_PARAM = "compare";
const SEPARATOR = "..";
const REF = /^[A-Za-z0-9_-]{1,64}$/;

export interface ComparePair {
  from: BoardRef;
  to: BoardRef;
}

/** The pair a query string asks for, or null when it asks for none (or for nonsense). */
export function readComparePair(search: string): ComparePair | null {
  const value = new URLSearchParams(search).get(COMPARE_PARAM);
  if (!value) return null;
  const [from, to, ...rest] = value.split(SEPARATOR);
  if (rest.length > 0 || !REF.test(from ?? "") || !REF.test(to ?? "")) return null;
  return { from, to };
}

/** `href` with the compare parameter set to `pair`, or removed for null; every other parameter (the token) kept. */
export function hrefWithComparePair(href: string, pair: ComparePair | null): string {
  const url = new URL(href);
  if (pair) url.searchParams.set(COMPARE_PARAM, `${pair.from}${SEPARATOR}${pair.to}`);
  else url.searchParams.delete(COMPARE_PARAM);
  return url.toString();
}
