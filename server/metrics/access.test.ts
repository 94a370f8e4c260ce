import { describe, expect, it } from "vitest";
import { isPrivateAddress, metricsAccess } from "./access";

describe("who may read /metrics", () => {
  it("without a token, answers loopback and private networks, IPv4-mapped addresses judged as IPv4", () => {
    for (const a of ["127.0.0.1", "127.8.0.2", "::ffff:127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.0.9", "::1", "fd00::1", "fc12:3456::1", "fd80::1%eth0"]) {
      expect(isPrivateAddress(a), a).toBe(true);
      expect(metricsAccess(undefined, a, null)).toBe("allowed");
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "192.169.0.1", "::ffff:8.8.8.8", "::", "::808:808", "fe80::1", "2001:db8::1", "unknown", ""]) {
      expect(isPrivateAddress(a), a).toBe(false);
      expect(metricsAccess(undefined, a, null)).toBe("forbidden");
    }
  });

  it("with a token, requires exactly that bearer token from every address, loopback included", () => {
    const token = "0123456789abcdef-token";
    expect(metricsAccess(`Bearer ${token}`, "8.8.8.8", token)).toBe("allowed");
    for (const header of [undefined, "", token, `Bearer ${token} `, `Bearer ${token.slice(1)}`, `bearer ${token}`, "Bearer "]) {
      expect(metricsAccess(header, "127.0.0.1", token), String(header)).toBe("unauthorized");
    }
  });
});
