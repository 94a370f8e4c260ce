/**
 * Token buckets keyed by a string (a client address, a board): `perMinute` requests a minute,
 * in bursts of up to `perMinute`. What an anonymous caller can make the server do (create
 * boards, save full copies of a board as versions, guess tokens) is bounded with these.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly perMinute: number) {}

  private refill(key: string, now: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    return bucket;
  }

  /** Whether `key` has a request left, without spending it. */
  allows(key: string, now = Date.now()): boolean {
    return this.perMinute <= 0 || this.refill(key, now).tokens >= 1;
  }

  /** Spends one request of `key`; false when none is left. */
  take(key: string, now = Date.now()): boolean {
    if (this.perMinute <= 0) return true;
    const bucket = this.refill(key, now);
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.forgetFull(now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Whole seconds until `key` has a request again. */
  retryAfter(key: string, now = Date.now()): number {
    const missing = 1 - this.refill(key, now).tokens;
    return Math.max(1, Math.ceil((missing / this.perMinute) * 60));
  }

  /** Buckets that have refilled completely hold no information: drop them. */
  private forgetFull(now: number): void {
    for (const [key] of this.buckets) if (this.refill(key, now).tokens >= this.perMinute) this.buckets.delete(key);
  }
}

export interface RateLimits {
  /** Boards created or imported, per client address. */
  boardCreates: RateLimiter;
  /** Named versions saved, per board. */
  versionSaves: RateLimiter;
  /** Requests with a wrong token (API and websocket), per client address. */
  authFailures: RateLimiter;
}

/** Set by server/index.ts on every request from the socket (or trusted proxy), never taken from the client. */
export const CLIENT_ADDRESS_HEADER = "x-chainboard-client-address";
