// `npm test`: the whole suite — type check, import check (no cycles, no layer crossed: see
// check-imports.mjs), unit and integration tests (real SQLite, PostgreSQL and websocket server),
// then browser tests in Debian's Chromium.
// Ends with one line "N passed, N failed, N skipped" (a failed type check, import check or setup
// step counts as a failure) and a non-zero exit on any failure.
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
let ok = true;

function step(name, status) {
  if (status !== 0) {
    ok = false;
    console.error(`\nchainboard: ${name} failed (exit ${status})`);
  }
}

ensureChromium();
const typeCheck = run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
step("type check", typeCheck);
if (typeCheck !== 0) failed++;
const importCheck = run(process.execPath, [path.join(root, "scripts", "check-imports.mjs")]);
step("import check", importCheck);
if (importCheck !== 0) failed++;
buildIfStale();

step("unit and integration tests", run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]));
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  rmSync(vitestJson);
}

// STRESS=1: two CPU-bound processes run beside the browser tests, as on a busy CI machine
// (the suite must stay green there too).
const stress = process.env.STRESS === "1" ? [0, 1].map(() => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" })) : [];
if (stress.length) console.log(`chainboard: STRESS=1, ${stress.length} busy processes run beside the browser tests`);
step("browser tests", run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }));
for (const p of stress) p.kill("SIGKILL");
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  rmSync(playwrightJson);
}

// A step that failed without a test result (a crash, a missing report) still counts as a failure.
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
