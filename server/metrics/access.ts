/**
 * Who may read /metrics. The figures name no board, but they tell an outsider how busy the
 * process is and when it restarted, so they are not public: with METRICS_TOKEN set, a scraper
 * proves it holds the token; without it, only the machine itself and private networks (where a
 * Prometheus beside the process lives) are answered.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

export type MetricsAccess = "allowed" | "unauthorized" | "forbidden";

const PRIVATE_NETWORKS = new BlockList();
PRIVATE_NETWORKS.addSubnet("127.0.0.0", 8, "ipv4");
PRIVATE_NETWORKS.addSubnet("10.0.0.0", 8, "ipv4");
PRIVATE_NETWORKS.addSubnet("172.16.0.0", 12, "ipv4");
PRIVATE_NETWORKS.addSubnet("192.168.0.0", 16, "ipv4");
PRIVATE_NETWORKS.addAddress("::1", "ipv6");
PRIVATE_NETWORKS.addSubnet("fc00::", 7, "ipv6");

/**
 * Loopback or a private network. `address` is whole (peerAddress, not the /64 the limits
 * count by); an IPv4-mapped IPv6 address is judged by its IPv4 address.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.split("%")[0];
  const family = isIP(bare);
  if (family === 0) return false;
  return PRIVATE_NETWORKS.check(bare, family === 4 ? "ipv4" : "ipv6");
}

function sameSecret(given: string, expected: string): boolean {
  // Digests have one length whatever was sent, so the comparison leaks neither length nor prefix.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function metricsAccess(authorization: string | undefined, address: string, token: string | null): MetricsAccess {
  if (token) {
    const given = authorization?.match(/^Bearer (.+)$/)?.[1];
    return given !== undefined && sameSecret(given, token) ? "allowed" : "unauthorized";
  }
  return isPrivateAddress(address) ? "allowed" : "forbidden";
}
