/**
 * The links a token's holder may give out, kept so the board can show them again later
 * without the database ever holding a usable token.
 *
 * Each token row carries the tokens its own role may share (owner: the edit and view tokens;
 * editor: the view token), sealed with AES-256-GCM under a key derived from that row's own
 * token. The database keeps only SHA-256 digests and these sealed copies, so a copy of it
 * opens no board; whoever presents a token can open exactly what its role may share, and
 * nothing of a stronger role.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** The tokens one role may share: the owner both, an editor the view token. */
export type SharedTokens = Partial<Record<"editor" | "viewer", string>>;

const VERSION = "v1";
const INFO = "chainboard shared links v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** 256 bits from the token (itself 192 random bits), bound to the board. */
function keyOf(token: string, boardId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", token, boardId, INFO, 32));
}

/** `v1.<iv>.<ciphertext and tag>`, base64url. */
export function sealTokens(token: string, boardId: string, shared: SharedTokens): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(token, boardId), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(shared), "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The tokens sealed for `token`; none when there is nothing sealed, or it was sealed for another token. */
export function openTokens(token: string, boardId: string, sealed: string | null): SharedTokens {
  if (!sealed) return {};
  const [version, iv, body, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !body || rest.length > 0) return {};
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyOf(token, boardId), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return {};
    const { editor, viewer } = parsed as Record<string, unknown>;
    return { ...(typeof editor === "string" ? { editor } : {}), ...(typeof viewer === "string" ? { viewer } : {}) };
  } catch {
    return {};
  }
}
