// Runs `next build` when there is no production build or a source file is newer than it,
// so `npm start` and `npm test` work from a fresh clone with nothing else to run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * What the build reads: the import graph of app/ (app, components, lib and the server's API
 * helpers; build-if-stale.test.ts checks that it reaches nothing else), the configs that shape
 * it (Next, PostCSS with Tailwind, TypeScript paths) and the dependencies' versions. The Prisma
 * clients (generated/, from prisma/) are not bundled: route handlers reach the database through
 * the running server (server/runtime.ts), which loads them from disk.
 */
export const SOURCES = ["app", "components", "lib", "server", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry.endsWith(".test.ts")) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

export function buildIfStale() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
  if (built && built >= changed) return;
  console.log(built ? "chainboard: sources changed, rebuilding the web app…" : "chainboard: building the web app (first start only)…");
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const res = spawnSync(process.execPath, [next, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Thrown, not exited: `npm test` counts a failed build as a failure in its closing line.
  if (res.status !== 0) throw new Error(`\`next build\` failed (exit ${res.status ?? res.signal})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    buildIfStale();
  } catch (err) {
    console.error(`chainboard: ${err.message}`);
    process.exit(1);
  }
}
