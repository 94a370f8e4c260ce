/**
 * Rate-limit keys that route handlers build themselves. Kept apart from the limiters so that
 * Next's bundle of the routes never pulls in rate-limiter-flexible or ioredis.
 */

/**
 * The API write limit's key: a link's digest (never the token: the key may be stored in Redis)
 * and the client address using it.
 */
export const writeKey = (tokenHash: string, address: string): string => `${tokenHash}|${address}`;

/** The report limit's key: the board and the client address asking for its report. */
export const reportKey = (boardId: string, address: string): string => `${boardId}|${address}`;
