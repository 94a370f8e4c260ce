/**
 * The rate limits of issue 12: what one caller can make the server do in a minute. Each is a
 * fixed one-minute window per key (rate-limiter-flexible), counted in memory or in Redis.
 *
 * Keys, and why:
 * - new boards: per client address (anonymous: the address is all there is);
 * - named versions and rounds started: per board, whoever asks (each version is a full copy of
 *   the board; each round rewrites the workshop state everyone receives);
 * - board reports: per board and client address (a PDF is a Chromium render of the board: one
 *   caller must not keep the renderers busy for everyone, nor one board for its viewers);
 * - API writes: per link digest and client address. A link is shared (a whole workshop answers
 *   with one edit link), so per link alone would add up everyone's pace; the address splits a
 *   remote workshop into its participants. A workshop in one room behind one address still
 *   shares one count, which is why the default (600) is several times its burst (30 people
 *   × 7 answers = 210). See keys.ts;
 * - wrong tokens: per client address. Past the limit the address is refused every token check
 *   for RATE_AUTH_BLOCK_SECONDS, a right token included: if a right token still passed during
 *   the block, 429 versus 200 would tell a guesser as much as 401 versus 200 did.
 */
import { Limit, limitMessage } from "./limit";
import type { LimiterStore } from "./store";
import type { Config } from "../config";

export interface RateLimits {
  boardCreates: Limit;
  versionSaves: Limit;
  roundStarts: Limit;
  reports: Limit;
  writes: Limit;
  authFailures: Limit;
  store: LimiterStore;
}

export function authBlockMessage(perMinute: number, blockSeconds: number, seconds: number): string {
  const closes = blockSeconds > 0 ? `token checks from it are refused for ${blockSeconds} s` : "token checks from it are refused until the minute ends";
  return `Too many wrong tokens from this address: more than ${perMinute} a minute, so ${closes}. Try again in ${seconds} s.`;
}

export function createRateLimits(rates: Config["rates"], store: LimiterStore): RateLimits {
  const perMinute = (name: string, points: number, what: string, blockDuration = 0): Limit =>
    new Limit(points, points > 0 ? store.create({ name, points, duration: 60, blockDuration }) : null, (s) => limitMessage(what, points, s));
  const auth = rates.authFailuresPerMinute;
  return {
    boardCreates: perMinute("boards", rates.boardsPerMinute, "new boards from this address"),
    versionSaves: perMinute("versions", rates.versionsPerMinute, "versions saved on this board"),
    roundStarts: perMinute("rounds", rates.roundsPerMinute, "rounds started on this board"),
    reports: perMinute("reports", rates.reportsPerMinute, "reports of this board from this address"),
    writes: perMinute("writes", rates.writesPerMinute, "changes with this link from this address"),
    authFailures: new Limit(
      auth,
      auth > 0 ? store.create({ name: "auth", points: auth, duration: 60, blockDuration: rates.authBlockSeconds }) : null,
      (s) => authBlockMessage(auth, rates.authBlockSeconds, s),
    ),
    store,
  };
}
