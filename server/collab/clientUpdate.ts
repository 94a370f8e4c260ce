/**
 * Validation of a client's document update before anything of it is applied (R-BUDGET, and
 * the 2^53 rule below), and the errors a room answers an update with.
 */
import * as Y from "yjs";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export class DocumentTooLargeError extends Error {
  readonly reason = "document_too_large";
}

/** The process is past its heap budget: a growing update waits until memory is freed. */
export class ServerMemoryFullError extends Error {
  readonly reason = "server_memory_full";
}

/** A client's update that Yjs cannot decode; nothing of it was applied. */
export class MalformedUpdateError extends Error {
  readonly reason = "malformed_update";
}

/**
 * Decodes an update (v1) without applying it. Y.applyUpdate pre-allocates an array as long as
 * the struct count an update announces, so 7 bytes announcing 33 million structs cost ~160 ms
 * and ~260 MB before failing; Y.decodeUpdate reads lazily and fails at the end of the bytes.
 * Decoding first also means a malformed update is refused whole, never half applied.
 *
 * Then the ids are checked, which Yjs does not do: lib0 reads varints up to 2^56, but Yjs
 * adds clocks and lengths in floating point, so a struct ending past 2^53 (or a client id
 * past it) is integrated at the wrong place, the transaction throws half way ("Unexpected
 * case") and the room's document can no longer be encoded for a joining client. An item
 * whose origin or parent is itself or a later struct of its own client cannot exist either.
 */
export function decodeClientUpdate(update: Uint8Array): DecodedUpdate {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedUpdateError(err instanceof Error ? err.message : String(err));
  }
  const safe = Number.isSafeInteger;
  for (const s of decoded.structs) {
    if (!safe(s.id.client) || !safe(s.id.clock + s.length)) throw new MalformedUpdateError("struct id beyond 2^53");
    if (!(s instanceof Y.Item)) continue;
    const parentId = s.parent instanceof Y.ID ? s.parent : null;
    for (const ref of [s.origin, s.rightOrigin, parentId]) {
      if (!ref) continue;
      if (!safe(ref.client) || !safe(ref.clock)) throw new MalformedUpdateError("reference beyond 2^53");
      if (ref.client === s.id.client && ref.clock >= s.id.clock) throw new MalformedUpdateError("item refers to itself or a later struct");
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    if (!safe(client) || ranges.some((r) => !safe(r.clock + r.len))) throw new MalformedUpdateError("deletion beyond 2^53");
  }
  return decoded;
}
