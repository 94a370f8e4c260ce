/**
 * Board tokens: 192 random bits from the CSPRNG, shown once, stored only as SHA-256.
 * A slow hash is unnecessary here: the input has 192 bits of entropy, not a password's.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function generateToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

export function generateBoardId(): string {
  return randomBytes(9).toString("base64url");
}

/** Board ids and tokens are base64url; anything else is rejected before any lookup. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
