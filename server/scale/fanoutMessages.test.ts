import { describe, expect, it } from "vitest";
import { FanoutKind, decodeFanout, encodeFanout, type FanoutMessage } from "./fanoutMessages";

describe("fan-out messages between processes", () => {
  it("round-trips every kind", () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const messages: FanoutMessage[] = [
      { kind: FanoutKind.update, from: "p1", sentAt: 1234.5, seq: 99, update: bytes },
      { kind: FanoutKind.awareness, from: "p1", sentAt: 1, update: bytes },
      { kind: FanoutKind.hello, from: "p2", sentAt: 2, stateVector: bytes },
      { kind: FanoutKind.state, from: "p1", sentAt: 3, to: "p2", update: bytes },
      { kind: FanoutKind.committed, from: "p1", sentAt: 4, seq: 2 ** 40 },
    ];
    for (const m of messages) expect(decodeFanout(encodeFanout(m))).toEqual(m);
  });

  it("refuses bytes that are not a fan-out message", () => {
    expect(() => decodeFanout(new Uint8Array([9, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow();
    expect(() => decodeFanout(new Uint8Array([1]))).toThrow();
  });
});
