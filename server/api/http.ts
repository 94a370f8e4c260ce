/**
 * The edge between Next route handlers and the domain: one error shape for every API
 * response (`{ error: { code, message, path? } }`), token extraction, and role checks.
 */
import { NextResponse } from "next/server";
import { getRuntime } from "../runtime";
import { roleAtLeast, type Role } from "../boards/tokens";
import type { Access } from "../boards/boardService";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export function errorResponse(err: unknown): NextResponse {
  if (err instanceof ApiError) {
    return NextResponse.json(
      { error: { code: err.code, message: err.message, ...(err.path !== undefined ? { path: err.path } : {}) } },
      { status: err.status },
    );
  }
  getRuntime().log.error({ err }, "API request failed");
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on the server." } }, { status: 500 });
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

/** 401 without a valid token for this board, 403 when its role is below `needed`. */
export async function requireAccess(req: Request, boardId: string, needed: Role): Promise<Access> {
  const access = await getRuntime().boards.resolve(boardId, tokenOf(req));
  if (!access) throw new ApiError(401, "unauthorized", "A valid token for this board is required (Authorization: Bearer … or ?t=…).");
  if (!roleAtLeast(access.role, needed)) {
    throw new ApiError(403, "forbidden", `This needs the ${needed} role; the token grants ${access.role}.`);
  }
  return access;
}

const MAX_JSON_BYTES = 8 * 1024 * 1024;

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new ApiError(413, "too_large", "The request body is larger than 8 MiB.");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
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
