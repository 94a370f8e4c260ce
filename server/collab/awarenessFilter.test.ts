import { describe, expect, it } from "vitest";
import { AwarenessOwnership, decodeAwarenessUpdate, encodeAwarenessEntries, MAX_STATE_DEPTH, nestingDepth } from "./awarenessFilter";
import { PresenceReservations } from "./presence";

describe("awareness decoding", () => {
  it("measures nesting without being fooled by brackets inside strings", () => {
    expect(nestingDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(nestingDepth('{"name":"[[[[[[ {{{ \\" [["}')).toBe(1);
    expect(nestingDepth("null")).toBe(0);
  });

  it("refuses a state nested deeper than presence ever needs", () => {
    const deep = "[".repeat(MAX_STATE_DEPTH + 1) + "]".repeat(MAX_STATE_DEPTH + 1);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: deep }]))).toThrow(RangeError);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: "{" }]))).toThrow(SyntaxError);
    const ok = JSON.stringify({ user: { name: "Ann", color: "#f00" }, cursor: { x: 1, y: 2 }, selection: ["p1"] });
    expect(decodeAwarenessUpdate(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: ok }]))).toEqual([{ clientId: 1, clock: 1, state: ok }]);
  });
});

describe("presence ownership (R-AWARENESS-OWN)", () => {
  let now = 0;
  const reservations = () => new PresenceReservations(600_000, () => now);
  const conn = (claimKey: string) => ({ awarenessIds: new Set<number>(), claimKey });
  const set = (clientId: number, clock: number, state = '{"user":{"name":"x"}}') => [{ clientId, clock, state }];
  const noClocks = () => 0;

  it("gives an id to the first connection that sets a new state for it, and never to an echo or a null", () => {
    const own = new AwarenessOwnership("b", reservations(), 100);
    const a = conn("A");
    const b = conn("B");
    expect(own.filter(a, set(1, 1, "null"), noClocks)).toEqual([]);
    expect(own.filter(a, set(1, 3), () => 3)).toEqual([]); // an echo of the state the room holds
    expect(own.filter(a, set(1, 1), noClocks)).toHaveLength(1);
    expect(own.filter(b, set(1, 9), noClocks)).toEqual([]);
    expect(own.filter(a, set(1, 2, "null"), noClocks)).toHaveLength(1);
  });

  it("allows 2 ids per connection and MAX_PRESENCE_PER_BOARD per board, reserved ids included", () => {
    const store = reservations();
    const own = new AwarenessOwnership("b", store, 3);
    const a = conn("A");
    expect(own.filter(a, [...set(1, 1), ...set(2, 1), ...set(3, 1)], noClocks).map((e) => e.clientId)).toEqual([1, 2]);
    const b = conn("B");
    expect(own.filter(b, set(3, 1), noClocks)).toHaveLength(1);
    own.release(a, [1, 2]);
    expect(own.filter(conn("C"), set(4, 1), noClocks)).toEqual([]); // 1 live + 2 reserved
    now += 600_000;
    expect(own.filter(conn("C"), set(4, 1), noClocks)).toHaveLength(1);
  });

  it("keeps a closed connection's ids for its claim key only, in any room of the board, until they expire", () => {
    now = 0;
    const store = reservations();
    const user = conn("U");
    const room = new AwarenessOwnership("b", store, 100);
    room.filter(user, set(7, 1), noClocks);
    room.release(user, [7]);
    const reloaded = new AwarenessOwnership("b", store, 100); // the board was unloaded meanwhile
    expect(reloaded.filter(conn("attacker"), set(7, 50), noClocks)).toEqual([]);
    expect(new AwarenessOwnership("other-board", store, 100).filter(conn("X"), set(7, 1), noClocks)).toHaveLength(1);
    const back = conn("U");
    expect(reloaded.filter(back, set(7, 2), noClocks)).toHaveLength(1);
    expect(store.count("b")).toBe(0);
    reloaded.release(back, [7]);
    now += 599_999;
    expect(reloaded.filter(conn("attacker"), set(7, 50), noClocks)).toEqual([]);
    now += 1;
    expect(reloaded.filter(conn("attacker"), set(7, 50), noClocks)).toHaveLength(1);
  });

  it("frees at once the ids a connection cleared itself before closing", () => {
    const own = new AwarenessOwnership("b", reservations(), 100);
    const a = conn("A");
    own.filter(a, set(1, 1), noClocks);
    own.release(a, []);
    expect(own.filter(conn("B"), set(1, 2), noClocks)).toHaveLength(1);
  });
});

describe("presence reservations", () => {
  it("keeps at most 2 per claim key, so a burst of one browser's (or one link's) connections cannot fill a board", () => {
    const store = new PresenceReservations(600_000, () => 0);
    const own = new AwarenessOwnership("b", store, 100);
    for (let id = 1; id <= 150; id++) {
      const c = { awarenessIds: new Set<number>(), claimKey: "same link and address" };
      expect(own.filter(c, [{ clientId: id, clock: 1, state: "{}" }], () => 0)).toHaveLength(1);
      own.release(c, [id]);
    }
    expect(store.count("b")).toBe(2);
    expect(store.holder("b", 150)).toBe("same link and address");
    expect(store.holder("b", 148)).toBeUndefined();
  });
});

describe("presence reservations are released when they expire", () => {
  it("forgets expired reservations when new ones are made, so people who only come and go leave nothing behind", () => {
    let now = 0;
    const store = new PresenceReservations(1000, () => now);
    // 1,000 browsers leave 1,000 boards, nobody ever claims an id again: only the newest stay.
    for (let i = 0; i < 1000; i++) {
      store.reserve(`board${i}`, i, `browser${i}`);
      now += 10;
    }
    expect(store.size).toBe(100);
    now += 1000;
    store.reserve("last", 1, "browser");
    expect(store.size).toBe(1);
  });
});
