import { describe, expect, it } from "vitest";
import { Admission, addressKey } from "./admission";

describe("admission (R-ADMIT)", () => {
  it("counts IPv6 clients by their /64 and IPv4-mapped clients as IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:10.0.0.7")).toBe("10.0.0.7");
    expect(addressKey("127.0.0.2")).toBe("127.0.0.2");
  });

  it("bounds boards per address, connections per address and per token, and frees them on close", () => {
    const a = new Admission({ maxConnectionsPerAddress: 3, maxBoardsPerAddress: 2, maxConnectionsPerToken: 2 });
    const r1 = a.add("A", "t1", "b1");
    a.add("A", "t2", "b2");
    expect(a.refusal("A", "t3", "b3")).toMatch(/boards/);
    expect(a.refusal("A", "t3", "b1")).toBeNull();
    a.add("A", "t1", "b1");
    expect(a.refusal("A", "t4", "b1")).toMatch(/connections from this address/);
    expect(a.refusal("B", "t1", "b1")).toMatch(/link/);
    r1();
    r1();
    expect(a.refusal("B", "t1", "b1")).toBeNull();
    expect(a.refusal("A", "t4", "b1")).toBeNull();
  });
});
