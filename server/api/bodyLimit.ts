/**
 * The 413 message, shared by server/index.ts (declared sizes) and readJson (streamed bodies).
 * Kept apart from http.ts: that module imports next/server, which must not load in the custom
 * server before Next has set itself up.
 */
export function bodyTooLargeMessage(limit: number): string {
  const size = limit % 1048576 === 0 ? `${limit / 1048576} MiB` : limit % 1024 === 0 ? `${limit / 1024} KiB` : `${limit} bytes`;
  return `The request body is larger than ${size} (MAX_BODY_BYTES).`;
}
