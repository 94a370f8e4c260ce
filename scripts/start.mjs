// `npm start`: builds the web app if needed, then runs the server in THIS process, so there
// is exactly one PID to signal (SIGTERM flushes pending updates and exits cleanly).
// Started as `node --import tsx scripts/start.mjs` so the TypeScript server loads directly.
import { buildIfStale } from "./build-if-stale.mjs";

process.env.NODE_ENV ||= "production";
process.env.NEXT_TELEMETRY_DISABLED ||= "1";
if (process.env.NODE_ENV === "production") {
  try {
    buildIfStale();
  } catch (err) {
    console.error(`chainboard: ${err.message}`);
    process.exit(1);
  }
}
await import("../server/index.ts");
