/**
 * GET /metrics, answered before Next like /healthz. Access: see access.ts.
 */
import type http from "node:http";
import { peerAddress } from "../collab/admission";
import { metricsAccess } from "./access";
import { metricsContentType, metricsText } from "./metrics";

export interface MetricsEndpointOptions {
  /** METRICS_TOKEN; null: answered to loopback and private networks only. */
  token: string | null;
  trustProxy: boolean;
}

export function isMetricsRequest(url: string | undefined): boolean {
  return url === "/metrics" || !!url?.startsWith("/metrics?");
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

export async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, opts: MetricsEndpointOptions): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405, "method_not_allowed", "Use GET.", { allow: "GET, HEAD" });
  const access = metricsAccess(req.headers.authorization, peerAddress(req, opts.trustProxy), opts.token);
  if (access === "unauthorized") {
    return refuse(res, 401, "unauthorized", "Send the metrics token as Authorization: Bearer ….", { "www-authenticate": "Bearer" });
  }
  if (access === "forbidden") return refuse(res, 403, "forbidden", "Metrics are served to private networks only unless METRICS_TOKEN is set.");
  let text: string;
  try {
    text = await metricsText();
  } catch {
    // A failing collect callback must cost a scrape, never the process (an unhandled rejection would).
    return refuse(res, 500, "metrics_unavailable", "The metrics could not be collected.");
  }
  res.writeHead(200, { "content-type": metricsContentType, "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : text);
}
