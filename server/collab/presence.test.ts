import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as decoding from "lib0/decoding";
import { decodeAwarenessUpdate, encodeAwarenessEntries } from "./awarenessFilter";
import { AWARENESS_BATCH_MS, PresenceRelay, awarenessMessages, presenceClaimKey } from "./presence";

describe("presence claim key", () => {
  it("hashes the browser key, and falls back to link and address without a well-formed one", () => {
    const key = "AbCdEfGhIjKlMnOpQrStUv";
    expect(presenceClaimKey(key, "t1", "1.2.3.4")).toBe(presenceClaimKey(key, "t2", "5.6.7.8"));
    expect(presenceClaimKey(key, "t1", "1.2.3.4")).not.toContain(key);
    expect(presenceClaimKey(null, "t1", "1.2.3.4")).toBe(presenceClaimKey("bad key!", "t1", "1.2.3.4"));
    expect(presenceClaimKey(null, "t1", "1.2.3.4")).not.toBe(presenceClaimKey(null, "t1", "1.2.3.5"));
    expect(presenceClaimKey(null, "t1", "1.2.3.4")).not.toBe(presenceClaimKey(null, "t2", "1.2.3.4"));
  });
});

describe("presence relay (R-AWARENESS-BATCH)", () => {
  const RATE = 10_000;
  const MAX_MESSAGE = 4096;
  let awareness: awarenessProtocol.Awareness;
  let sent: Uint8Array[];
  let relay: PresenceRelay;
  const clocks = new Map<number, number>();

  beforeEach(() => {
    vi.useFakeTimers();
    clocks.clear();
    awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(null);
    sent = [];
    relay = new PresenceRelay(awareness, RATE, MAX_MESSAGE, (m) => sent.push(m), (err) => { throw err; }, () => Date.now());
    awareness.on("update", ({ added, updated, removed }: Record<string, number[]>) => relay.add([...added, ...updated, ...removed]));
  });

  afterEach(() => {
    relay.destroy();
    awareness.destroy();
    vi.useRealTimers();
  });

  function setState(id: number, state: unknown): void {
    const clock = (clocks.get(id) ?? 0) + 1;
    clocks.set(id, clock);
    awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessEntries([{ clientId: id, clock, state: JSON.stringify(state) }]), "test");
  }
  /** What the relayed messages say, newest last: id → state. */
  function received(): Map<number, unknown> {
    const seen = new Map<number, unknown>();
    for (const m of sent) {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      for (const e of decodeAwarenessUpdate(decoding.readVarUint8Array(d))) seen.set(e.clientId, JSON.parse(e.state));
    }
    return seen;
  }
  const bytes = () => sent.reduce((n, m) => n + m.length, 0);

  it("sends one message per batch while under budget", () => {
    setState(1, { x: 1 });
    setState(2, { x: 2 });
    setState(1, { x: 3 });
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(AWARENESS_BATCH_MS);
    expect(sent).toHaveLength(1);
    expect(received()).toEqual(new Map([[1, { x: 3 }], [2, { x: 2 }]]));
  });

  it("over budget, delays and coalesces instead of dropping: bytes stay within the rate, and every id ends with its newest state", () => {
    const pad = "x".repeat(900);
    // 50 ids changing every 40 ms: ~1.1 MB/s asked for, against a budget of 10 kB/s.
    for (let t = 0; t < 5000; t += AWARENESS_BATCH_MS) {
      for (let id = 1; id <= 50; id++) setState(id, { t, pad });
      vi.advanceTimersByTime(AWARENESS_BATCH_MS);
    }
    // One second of burst, then the rate, plus at most one state of overshoot.
    expect(bytes()).toBeLessThanOrEqual(RATE * 6 + 1000);
    expect(bytes()).toBeGreaterThan(RATE * 4);
    const before = received();
    expect(before.size).toBe(50); // nobody starved
    // Once the changes stop, the newest state of every id arrives.
    vi.advanceTimersByTime(10_000);
    const after = received();
    for (let id = 1; id <= 50; id++) expect(after.get(id)).toEqual({ t: 4960, pad });
  });

  it("keeps every message within MAX_AWARENESS_BYTES: stock clients echo it whole, and a larger echo would get them closed", () => {
    const pad = "x".repeat(900);
    for (let id = 1; id <= 30; id++) setState(id, { pad });
    vi.advanceTimersByTime(2000);
    expect(received().size).toBe(30);
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE + 8);
    // The full state for a newcomer, likewise.
    const all = awarenessMessages(awareness, awareness.getStates().keys(), MAX_MESSAGE);
    expect(all.length).toBeGreaterThan(1);
    for (const m of all) expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE + 8);
    expect(all.flatMap((m) => {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      return decodeAwarenessUpdate(decoding.readVarUint8Array(d)).map((e) => e.clientId);
    })).toEqual([...awareness.getStates().keys()]);
  });

  it("relays a removal", () => {
    setState(1, { x: 1 });
    vi.advanceTimersByTime(AWARENESS_BATCH_MS);
    awarenessProtocol.removeAwarenessStates(awareness, [1], "test");
    vi.advanceTimersByTime(AWARENESS_BATCH_MS);
    expect(received().get(1)).toBeNull();
  });
});
