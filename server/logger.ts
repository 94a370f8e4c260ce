import pino, { type Logger } from "pino";

/** Tokens travel in `t=` query parameters, browser presence keys in `k=`: neither may reach a log line. */
export function redactTokens(url: string): string {
  return url.replace(/([?&][tk]=)[^&#]*/g, "$1[redacted]");
}

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, redact: ["req.headers.authorization", "headers.authorization"] });
}
