/**
 * One named rate limit over a rate-limiter-flexible limiter (in memory, or in Redis so that
 * several processes share the count). Callers get a `Refusal` to turn into a 429, never the
 * library's objects, so route handlers (Next's bundle) only need the types of this module.
 */
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/** Why a request is refused now: the message names the limit; Retry-After is in whole seconds. */
export interface Refusal {
  retryAfter: number;
  message: string;
}

/** Retry-After must be whole seconds, and at least 1 (0 would invite an immediate retry). */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** "Too many new boards from this address: at most 30 a minute. Try again in 12 s." */
export function limitMessage(what: string, perMinute: number, seconds: number): string {
  return `Too many ${what}: at most ${perMinute} a minute. Try again in ${seconds} s.`;
}

export class Limit {
  /**
   * @param perMinute requests a minute per key; 0 means no limit (`limiter` is then null)
   * @param describe the message for a refusal that lasts `seconds` more
   */
  constructor(
    readonly perMinute: number,
    private readonly limiter: RateLimiterAbstract | null,
    private readonly describe: (seconds: number) => string,
  ) {}

  /** Spends one request of `key`; a Refusal when none is left (or the key is blocked). */
  async take(key: string): Promise<Refusal | null> {
    if (!this.limiter) return null;
    try {
      await this.limiter.consume(key);
      return null;
    } catch (err) {
      // The library rejects with a RateLimiterRes when the key is out of points; anything else
      // is a store failure the insurance limiter could not absorb either.
      if (err instanceof RateLimiterRes) return this.refusal(err);
      throw err;
    }
  }

  /** Whether `key` is refused right now, without spending anything (the wrong-token block). */
  async refused(key: string): Promise<Refusal | null> {
    if (!this.limiter) return null;
    const res = await this.limiter.get(key);
    return res && res.consumedPoints > this.perMinute ? this.refusal(res) : null;
  }

  private refusal(res: RateLimiterRes): Refusal {
    const seconds = retryAfterSeconds(res.msBeforeNext);
    return { retryAfter: seconds, message: this.describe(seconds) };
  }
}
