/**
 * The browser's side of a board's HTTP API: every call sends the page's token as a bearer
 * token and turns the API error shape `{ error: { message } }` into a thrown BoardApiError
 * whose message can be shown as it is.
 */

export class BoardApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type BoardApiCall = <T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;

/** A caller of `/api/boards/{boardId}{path}` with this token. */
export function boardApi(boardId: string, token: string): BoardApiCall {
  const base = `/api/boards/${encodeURIComponent(boardId)}`;
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: init.method ?? "GET",
        headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        cache: "no-store",
      });
    } catch {
      throw new BoardApiError(0, "The server cannot be reached. Try again when you are back online.");
    }
    if (res.status === 204) return undefined as T;
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) throw new BoardApiError(res.status, errorMessage(body) ?? `The server answered ${res.status}.`);
    return body as T;
  };
}

function errorMessage(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { error } = body as { error: unknown };
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" ? error.message : null;
}
