/**
 * `npm run bench`: performance figures, each against a baseline measured in the same run.
 * Not part of `npm test`: these machines are shared and noisy, so figures are reported,
 * never asserted. `npm run bench <name>` runs one (versions, collab, canvas, hostile, export); BENCH_ROUNDS
 * sets the rounds of those that repeat (default 3).
 */
import { benchCanvas } from "./canvas";
import { benchCollab } from "./collab";
import { benchExport } from "./export";
import { benchHostile } from "./hostile";
import { benchVersions } from "./versions";

// 50 stock providers each add a process exit listener.
process.setMaxListeners(0);
const BENCHES = ["versions", "collab", "canvas", "hostile", "export"];
const only = process.argv[2];
if (only && !BENCHES.includes(only)) throw new Error(`no bench named "${only}": choose one of ${BENCHES.join(", ")}`);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_ROUNDS must be a whole number of at least 1, not "${process.env.BENCH_ROUNDS}"`);
if (!only || only === "versions") await benchVersions();
if (!only || only === "collab") await benchCollab(rounds);
if (!only || only === "canvas") await benchCanvas(rounds);
if (!only || only === "hostile") await benchHostile(rounds);
if (!only || only === "export") await benchExport(rounds);
process.exit(0);
