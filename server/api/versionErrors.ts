import { ApiError } from "./http";

/** A version that is not on this board is a 404, whether it exists elsewhere or not. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if ((err as { reason?: string }).reason === "version_not_found") throw new ApiError(404, "version_not_found", "No such version on this board.");
    throw err;
  }
}
