import pino, { type Logger } from "pino";

/** Tokens travel in `t=` query parameters, browser presence keys in `k=`: neither may reach a log line. */
/**
 * Hides link tokens (`t`) and presence keys (`k`) in a logged URL, also when the separator
 * arrived percent-encoded (`?t%3D…`, `%26t=…`), which the app still reads as a token.
 */
export function redactTokens(url: string): string {
  return url.replace(/((?:[?&;]|%3[fF]|%26)[tTkK](?:=|%3[dD]))[^&#]*/g, "$1[redacted]");
}

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, redact: ["req.headers.authorization", "headers.authorization"] });
}
