import { describe, expect, it } from "vitest";
import { decodeAwarenessUpdate, encodeAwarenessEntries, MAX_STATE_DEPTH, nestingDepth } from "./awarenessFilter";

describe("awareness decoding", () => {
  it("measures nesting without being fooled by brackets inside strings", () => {
    expect(nestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(nestingDepth('{"name":"[[[[[[ {{{ \\" [["}')).toBe(1);
    expect(nestingDepth("null")).toBe(0);
  });

  it("refuses a state nested deeper than presence ever needs", () => {
    const deep = "[".repeat(MAX_STATE_DEPTH + 1) + "]".repeat(MAX_STATE_DEPTH + 1);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: deep }]))).toThrow(RangeError);
    const ok = JSON.stringify({ user: { name: "Ann", color: "#f00" }, cursor: { x: 1, y: 2 }, selection: ["p1"] });
    expect(decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: ok }]))).toEqual([{ clientId: 1, clock: 1, state: ok }]);
  });
});
