import { ApiError } from "./http";

const STATUS: Record<string, number> = {
  round_not_found: 404,
  round_not_open: 409,
  round_closed: 409,
  round_not_revealed: 409,
  invalid_answers: 400,
  unknown_participant: 400,
  round_full: 409,
};

/** Maps the workshop's named failures to API errors. */
export async function roundCall<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const e = err as { reason?: string; message: string; path?: string };
    if (e.reason && STATUS[e.reason]) throw new ApiError(STATUS[e.reason], e.reason, e.message, e.path);
    throw err;
  }
}
