/**
 * `npm run bench`: performance figures, each against a baseline measured in the same run.
 * Not part of `npm test`: these machines are shared and noisy, so figures are reported,
 * never asserted.
 */
import { benchCollabLatency } from "./collabLatency";
import { benchVersions } from "./versions";

// 50 stock providers each add a process exit listener.
process.setMaxListeners(0);
const only = process.argv[2];
if (!only || only === "versions") await benchVersions();
if (!only || only === "collab") await benchCollabLatency(Number(process.env.BENCH_ROUNDS ?? 3));
process.exit(0);
