/**
 * The browser's one way to call the HTTP API. A call sends the page's token as a bearer token
 * when it has one, and every failure comes back as an ApiRequestError carrying the API's
 * `{ error: { code, message, path? } }` (lib/contracts/errors.ts), whose message can be shown
 * as it is.
 */
import type { ApiErrorBody } from "@/lib/contracts/errors";

export class ApiRequestError extends Error {
  constructor(
    /** 0 when the server could not be reached at all. */
    readonly status: number,
    /** The API's error code (a service's reason, such as "round_closed"), for code that reacts to one failure. */
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface ApiRequestInit {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  token?: string;
}

/** Calls `url`; resolves with its JSON, the text of any other answer (a Markdown summary), or undefined for 204. */
export async function apiRequest<T>(url: string, { method = "GET", body, token }: ApiRequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      // Boards change under everyone's hands: an answer is never reused.
      cache: "no-store",
    });
  } catch {
    throw new ApiRequestError(0, "unreachable", "The server cannot be reached. Try again when you are back online.");
  }
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  return (res.headers.get("content-type")?.includes("json") ? res.json() : res.text()) as Promise<T>;
}

/** The API's error body as an ApiRequestError; a proxy's page or an empty body still gives a message. */
async function failure(res: Response): Promise<ApiRequestError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as Partial<ApiErrorBody> | null)?.error;
  if (typeof error?.message !== "string") return new ApiRequestError(res.status, "error", `The server answered ${res.status}.`);
  return new ApiRequestError(res.status, typeof error.code === "string" ? error.code : "error", error.message, error.path);
}

export type BoardCall = <T>(path: string, init?: Omit<ApiRequestInit, "token">) => Promise<T>;

/** A caller of `/api/boards/{boardId}{path}` with this token. */
export function boardApi(boardId: string, token: string): BoardCall {
  const base = `/api/boards/${encodeURIComponent(boardId)}`;
  return (path, init = {}) => apiRequest(`${base}${path}`, { ...init, token });
}
