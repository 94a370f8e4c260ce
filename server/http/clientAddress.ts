/**
 * How route handlers and pages learn the caller's address: server/index.ts sets this header on
 * every request from the socket (or the trusted proxy's X-Forwarded-For), overwriting whatever
 * the client sent, so a client can never choose the address its limits are counted under.
 */
export const CLIENT_ADDRESS_HEADER = "x-chainboard-client-address";
