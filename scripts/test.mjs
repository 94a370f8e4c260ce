// `npm test`: the whole suite — type check, import check (no cycles, no layer crossed: see
// check-imports.mjs), unit and integration tests (real SQLite, PostgreSQL and websocket server),
// then browser tests in Debian's Chromium.
// Ends with one line "N passed, N failed, N skipped" and a non-zero exit on any failure. A step
// that fails without a failed test of its own (the type check, the import check, installing
// Chromium, the build, a test file that cannot load, a failing hook, a crashed runner) counts as
// one failure.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "./build-if-stale.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } }).status;

const vitestJson = path.join(os.tmpdir(), `chainboard-vitest-${process.pid}.json`);
const playwrightJson = path.join(os.tmpdir(), `chainboard-playwright-${process.pid}.json`);
let passed = 0;
let failed = 0;
let skipped = 0;

/** Counts `name` as one failure unless its own report already counted `counted` failed tests. */
function step(name, status, counted = 0) {
  if (status === 0) return;
  console.error(`\nchainboard: ${name} failed (${typeof status === "number" ? `exit ${status}` : status})`);
  if (counted === 0) failed++;
}

/** A setup step reports no tests: a throw is its failure. */
function setup(name, fn) {
  try {
    fn();
    return true;
  } catch (err) {
    step(name, err instanceof Error ? err.message : String(err));
    return false;
  }
}

function finish() {
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed === 0 ? 0 : 1);
}

setup("installing Chromium", ensureChromium);
step("type check", run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]));
step("import check", run(process.execPath, [path.join(root, "scripts", "check-imports.mjs")]));
// Without a build the server cannot start, and every integration test would wait for one.
if (!setup("building the web app", buildIfStale)) finish();

const vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
let vitestFailed = 0;
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  // A file that failed without a failed test (it did not load, or a hook threw) counts once.
  const fileFailures = r.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
  vitestFailed = r.numFailedTests + fileFailures;
  passed += r.numPassedTests;
  failed += vitestFailed;
  skipped += r.numPendingTests + r.numTodoTests;
  rmSync(vitestJson);
}
step("unit and integration tests", vitestStatus, vitestFailed);

// STRESS=1: two CPU-bound processes run beside the browser tests, as on a busy CI machine
// (the suite must stay green there too).
const stress = process.env.STRESS === "1" ? [0, 1].map(() => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" })) : [];
if (stress.length) console.log(`chainboard: STRESS=1, ${stress.length} busy processes run beside the browser tests`);
const playwrightStatus = run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
for (const p of stress) p.kill("SIGKILL");
let playwrightFailed = 0;
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, "utf8"));
  const s = report.stats;
  // Errors outside any test (a spec that does not load, a global setup) each count once.
  playwrightFailed = s.unexpected + (report.errors?.length ?? 0);
  passed += s.expected + s.flaky;
  failed += playwrightFailed;
  skipped += s.skipped;
  rmSync(playwrightJson);
}
step("browser tests", playwrightStatus, playwrightFailed);
finish();
