/**
 * Headers every answer carries, pages and API alike. A board's token may travel in an old
 * link's query (`/b/{id}?t=…`), so no referrer may leave the page; a board may not be framed by
 * another site unless the deployment lists it (clickjacking); content types are never sniffed
 * (the Markdown summary is text).
 *
 * Scripts run only from this origin or with the nonce of this very answer: Next.js puts the
 * nonce on its own inline and bootstrap scripts when it finds it in the request's
 * Content-Security-Policy header (server/index.ts sets both), so an injected inline script or
 * event handler never runs. Style attributes stay allowed (`style-src-attr`): React Flow
 * positions every card with one, and an attribute cannot carry a nonce. Everything else is this
 * origin only, so an injected remote script, image or frame cannot load and nothing can be
 * posted or sent elsewhere.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

export interface HeaderPolicy {
  /** Development adds eval for React Refresh, and inline styles for its style injection. */
  dev: boolean;
  /** Origins allowed to frame the pages (ALLOWED_FRAME_ANCESTORS); none: framing is refused. */
  frameAncestors: string[];
  /** Seconds of Strict-Transport-Security over TLS (HSTS_MAX_AGE); 0 sends none. */
  hstsMaxAge: number;
}

export interface RequestFacts {
  /** The request is for a board report page (isReportRequest): it gets the report's own policy. */
  report?: boolean;
  /** The Host the page was asked for: its websocket lives there too. */
  host: string | undefined;
  /** Whether the browser reached us over TLS (directly, or through a trusted proxy). */
  secure: boolean;
}

/** A fresh nonce per answer: 128 random bits, base64 as CSP wants it. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(policy: HeaderPolicy, nonce: string, req: RequestFacts): string {
  const socket = req.host && /^[A-Za-z0-9.\-:[\]]+$/.test(req.host) ? ` ${req.secure ? "wss" : "ws"}://${req.host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${policy.dev ? " 'unsafe-eval'" : ""}`,
    "script-src-attr 'none'",
    `style-src 'self' 'nonce-${nonce}'${policy.dev ? " 'unsafe-inline'" : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${socket}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${policy.frameAncestors.length ? policy.frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

/** `GET /api/boards/{id}/report…`: a board report, HTML or PDF. */
export function isReportRequest(url: string | undefined): boolean {
  return /^\/api\/boards\/[^/?#]+\/report(?:[?#]|$)/.test(url ?? "");
}

/**
 * A board report's policy: a document without any script, styled by its own inline <style>,
 * whose only images are data: URLs (the kinds' icons in its SVG). Nothing may load or connect,
 * whatever a board's text holds; it opens the same from a file with the network cut off. The
 * pages' policy would refuse its <style> (no nonce), hence a policy of its own.
 */
export function reportContentSecurityPolicy(policy: HeaderPolicy): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${policy.frameAncestors.length ? policy.frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

export function securityHeaders(policy: HeaderPolicy, nonce: string, req: RequestFacts): [string, string][] {
  const headers: [string, string][] = [
    ["Content-Security-Policy", req.report ? reportContentSecurityPolicy(policy) : contentSecurityPolicy(policy, nonce, req)],
    ["Referrer-Policy", "no-referrer"],
    ["X-Content-Type-Options", "nosniff"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), display-capture=()"],
  ];
  // X-Frame-Options cannot name origins: it only speaks for browsers without frame-ancestors.
  if (!policy.frameAncestors.length) headers.push(["X-Frame-Options", "DENY"]);
  // Not includeSubDomains: other services of the company's domain may still be served over HTTP.
  if (req.secure && policy.hstsMaxAge > 0) headers.push(["Strict-Transport-Security", `max-age=${policy.hstsMaxAge}`]);
  return headers;
}

/** Splits ALLOWED_FRAME_ANCESTORS (spaces or commas) into origins; anything that is not one is refused at start. */
export function parseFrameAncestors(value: string): string[] {
  const origins = value.split(/[\s,]+/).filter(Boolean);
  for (const origin of origins) {
    // A wildcard only as a whole leftmost label of a named host: https://*.example.com, never https://*.
    if (!/^https?:\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?$/.test(origin) && !/^https?:\/\/localhost(:\d+)?$/.test(origin)) throw new Error(`ALLOWED_FRAME_ANCESTORS: "${origin}" is not an origin like https://intranet.example.com`);
  }
  return origins;
}

/** TLS on this socket, or, behind a trusted proxy, the scheme it says the browser used. */
export function isSecure(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!trustProxy) return false;
  // The last entry is the one the trusted proxy added (as for X-Forwarded-For); earlier ones
  // may come from the client.
  const proto = req.headers["x-forwarded-proto"];
  const last = (Array.isArray(proto) ? proto.join(",") : proto)?.split(",").pop()?.trim().toLowerCase();
  return last === "https";
}
