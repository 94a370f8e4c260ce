/**
 * The edge between Next route handlers and the domain: one error shape for every API
 * response (`{ error: { code, message, path? } }`), token extraction, role checks and body
 * parsing. A route reads: parse, check access, call a service; whatever it throws is answered
 * by `route` (errors.ts says how).
 */
import { NextResponse } from "next/server";
import { getRuntime } from "../runtime";
import { bodyTooLargeMessage } from "./bodyLimit";
import { ApiError, apiErrorOf } from "./errors";
import type { ApiErrorBody } from "../../lib/contracts/errors";
import { roleAtLeast, type Role } from "../../lib/contracts/roles";
import type { Access } from "../boards/boardService";
import { CLIENT_ADDRESS_HEADER } from "../http/clientAddress";
import { writeKey } from "../limits/keys";
import type { Limit, Refusal } from "../limits/limit";

export { ApiError };

/** The caller's address as server/index.ts set it. */
export function clientOf(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** A rate-limit refusal as the API answers it: 429, Retry-After, the limit in the message. */
function refuse(refusal: Refusal | null): void {
  if (refusal) throw new ApiError(429, "rate_limited", refusal.message, undefined, refusal.retryAfter);
}

/** Spends one request of `key` from `limit`, or answers 429 with Retry-After. */
export async function rateLimit(limit: Limit, key: string): Promise<void> {
  refuse(await limit.take(key));
}

export function errorResponse(err: unknown): NextResponse {
  const answer = apiErrorOf(err);
  if (!answer) {
    getRuntime().log.error({ err }, "API request failed");
    return NextResponse.json({ error: { code: "internal", message: "Something went wrong on the server." } } satisfies ApiErrorBody, { status: 500 });
  }
  if (answer.status === 503) getRuntime().log.warn({ err }, "API request refused: the server is overloaded");
  return NextResponse.json(
    { error: { code: answer.code, message: answer.message, ...(answer.path !== undefined ? { path: answer.path } : {}) } } satisfies ApiErrorBody,
    // After a 413 the rest of the body is left unread and server/index.ts closes the connection; say so.
    {
      status: answer.status,
      headers: {
        ...(answer.status === 413 ? { connection: "close" } : {}),
        ...(answer.retryAfter !== undefined ? { "retry-after": String(answer.retryAfter) } : {}),
      },
    },
  );
}

/** Wraps a handler so every thrown error becomes the API error shape. */
export function route<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

export function tokenOf(req: Request): string | null {
  const bearer = req.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1];
  return bearer ?? new URL(req.url).searchParams.get("t");
}

/**
 * 401 without a valid token for this board, 403 when its role is below `needed`, 429 when the
 * address is blocked for wrong tokens or the link is past its pace of writes (rateLimits.ts).
 */
export async function requireAccess(req: Request, boardId: string, needed: Role): Promise<Access> {
  const { boards, rateLimits } = getRuntime();
  const address = clientOf(req);
  // A blocked address is refused before its token is looked at, right or wrong.
  refuse(await rateLimits.authFailures.refused(address));
  const access = await boards.resolve(boardId, tokenOf(req));
  if (!access) {
    // The wrong token that passes the limit starts the block, and is answered as refused.
    refuse(await rateLimits.authFailures.take(address));
    throw new ApiError(401, "unauthorized", "A valid token for this board is required (Authorization: Bearer … or ?t=…).");
  }
  if (!roleAtLeast(access.role, needed)) {
    throw new ApiError(403, "forbidden", `This needs the ${needed} role; the token grants ${access.role}.`);
  }
  if (req.method !== "GET" && req.method !== "HEAD") refuse(await rateLimits.writes.take(writeKey(access.tokenHash, address)));
  return access;
}

/**
 * Reads the body counting bytes as they arrive, so an oversized one is refused once it passes
 * MAX_BODY_BYTES instead of being buffered whole first (a 600 MB upload used to take over a
 * gigabyte of memory). This also covers chunked bodies, which carry no Content-Length for
 * server/index.ts to check up front.
 */
async function readText(req: Request): Promise<string> {
  if (!req.body) return "";
  const limit = getRuntime().config.limits.maxBodyBytes;
  const reader = req.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      // Stop pulling from the socket; the 413 must not wait on the stream's teardown, and
      // server/index.ts closes the connection once it is sent so the rest is never read.
      reader.cancel().catch(() => undefined);
      throw new ApiError(413, "too_large", bodyTooLargeMessage(limit));
    }
    text += decoder.decode(value, { stream: true });
  }
}

export async function readJson(req: Request): Promise<unknown> {
  const text = await readText(req);
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const nul = pathOfNul(value);
  if (nul !== null) throw new ApiError(400, "invalid_text", `${nul || "body"}: text may not contain NUL characters.`, nul);
  const proto = pathOfProtoKey(value);
  if (proto !== null) throw new ApiError(400, "invalid_key", `${proto}: "__proto__" is not allowed as a key.`, proto);
  return value;
}

/**
 * Where a "__proto__" key sits, or null. JSON.parse keeps it as an own key, but any later copy
 * (a schema's record, a spread) turns it into a prototype: the answer would vanish silently.
 */
function pathOfProtoKey(value: unknown, path = ""): string | null {
  if (!value || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === "__proto__") return at;
    const found = pathOfProtoKey(child, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Where a NUL character sits in a parsed body (a key or a string), or null. PostgreSQL text
 * cannot hold one, so it is refused here for every route and database alike.
 */
function pathOfNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (!value || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes("\0")) return at;
    const found = pathOfNul(child, at);
    if (found !== null) return found;
  }
  return null;
}

/** Parses a JSON body with a zod schema; the first problem becomes a 400 naming its path. */
export async function parseBody<T>(req: Request, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } }): Promise<T> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String).join(".");
    throw new ApiError(400, "invalid_request", path ? `${path}: ${issue.message}` : issue.message, path);
  }
  return parsed.data;
}
