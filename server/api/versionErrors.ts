import { ApiError } from "./http";

const STATUS: Record<string, number> = {
  // A version that is not on this board is a 404, whether it exists elsewhere or not.
  version_not_found: 404,
  version_quota: 409,
};

/** Maps the versions' named failures to API errors. */
export async function versionCall<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const e = err as { reason?: string; message: string };
    if (e.reason === "version_not_found") throw new ApiError(404, e.reason, "No such version on this board.");
    if (e.reason && STATUS[e.reason]) throw new ApiError(STATUS[e.reason], e.reason, e.message);
    throw err;
  }
}
