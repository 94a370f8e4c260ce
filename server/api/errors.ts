/**
 * How a failure becomes an API answer: the ApiError a route throws itself (a bad query, a wrong
 * token), and the one table that says how each named failure of the services answers.
 *
 * Kept apart from http.ts, which imports next/server, so that the table loads and is tested
 * anywhere.
 */
import type { BoardErrorReason, ReportErrorReason, RoundErrorReason, VersionErrorReason } from "../../lib/contracts/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    /** Seconds, sent as Retry-After (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** How one reason answers: its status, and the code and message when not the error's own. */
interface Answer {
  status: number;
  code?: string;
  message?: string;
  retryAfter?: number;
}

/**
 * "This process is full right now", not "something is broken": the rooms' TooManyRoomsError
 * and any error with reason "overloaded". Its own message names internal limits, so it is
 * answered with this one.
 */
const OVERLOADED: Answer = { status: 503, code: "overloaded", message: "The server is holding too many boards right now; try again in a few seconds.", retryAfter: 5 };

type Reason = RoundErrorReason | VersionErrorReason | BoardErrorReason | ReportErrorReason | "too_many_rooms" | "overloaded";

const BY_REASON: Record<Reason, Answer> = {
  too_many_rooms: OVERLOADED,
  overloaded: OVERLOADED,
  unknown_template: { status: 400 },
  round_not_found: { status: 404 },
  round_not_open: { status: 409 },
  round_closed: { status: 409 },
  round_not_revealed: { status: 409 },
  invalid_answers: { status: 400 },
  unknown_participant: { status: 400 },
  round_full: { status: 409 },
  // A version that is not on this board is a 404, whether it exists elsewhere or not; the
  // answer does not repeat the id it was asked for.
  version_not_found: { status: 404, message: "No such version on this board." },
  version_quota: { status: 409 },
  // The deployment lacks Chromium: the HTML report still works, the message says how to fix it.
  chromium_missing: { status: 503 },
  pdf_timeout: { status: 503, retryAfter: 5 },
  pdf_failed: { status: 500 },
  shutting_down: { status: 503, retryAfter: 2 },
};

/**
 * The API error a service's failure answers with, or null for anything unnamed (a 500).
 * Matched by `reason`, not instanceof: route handlers run in Next's bundle, which holds its
 * own copy of each class, so an error thrown by the server's services is never an instance
 * of the bundle's class.
 */
export function apiErrorOf(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  const e = err as { reason?: unknown; message?: unknown; path?: unknown } | null;
  const reason = e?.reason;
  if (typeof reason !== "string" || !Object.hasOwn(BY_REASON, reason)) return null;
  const answer = BY_REASON[reason as Reason];
  const message = answer.message ?? String(e?.message ?? "");
  return new ApiError(answer.status, answer.code ?? reason, message, typeof e?.path === "string" ? e.path : undefined, answer.retryAfter);
}
