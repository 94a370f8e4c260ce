/**
 * Headers every answer carries, pages and API alike. A board's token travels in the page URL
 * (`/b/{id}?t=…`), so no referrer may leave the page; a board may not be framed by another
 * site (clickjacking); content types are never sniffed (the Markdown summary is text).
 *
 * The policy allows inline scripts and styles: Next.js inlines its hydration data and React
 * Flow positions every node with a style attribute. Everything else is this origin only, so an
 * injected remote script, image or frame cannot load, and nothing can be posted elsewhere.
 */
export function securityHeaders(dev: boolean): [string, string][] {
  const csp = [
    "default-src 'self'",
    // Development adds eval for React Refresh.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The collaboration websocket is this origin's; ws:/wss: because CSP 2 browsers do not
    // match them with 'self'.
    "connect-src 'self' ws: wss:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    ["Content-Security-Policy", csp],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "no-referrer"],
    ["X-Content-Type-Options", "nosniff"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
  ];
}
