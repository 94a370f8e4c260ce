/**
 * `npm start` and `npm test` rebuild the web app only when a watched source is newer than the
 * build (build-if-stale.mjs). A file the build bundles but the list does not watch would leave
 * a stale build running, so the list is checked against the import graph of app/ itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES } from "./build-if-stale.mjs";

const ROOT = path.join(import.meta.dirname, "..");
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", ".css", "/index.ts", "/index.tsx"];

/** What a file imports at run time: type-only imports are erased and bundle nothing. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|[;\n])\s*(import|export)\s+(type\s+)?[^;"']*?\bfrom\s+["']([^"']+)["']/g)) if (!m[2]) found.push(m[3]);
  for (const m of source.matchAll(/(?:^|[;\n])\s*import\s+["']([^"']+)["']/g)) found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]);
  for (const m of source.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g)) found.push(m[1]);
  return found;
}

/** The file a project-local specifier names, or null for a package (covered by the lockfile). */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".") && !spec.startsWith("@/")) return null;
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  const file = EXTENSIONS.map((ext) => base + ext).find((f) => existsSync(f) && statSync(f).isFile());
  if (!file) throw new Error(`${path.relative(ROOT, from)} imports "${spec}", which resolves to no file`);
  return file;
}

/** Every project file reachable from the files under `dir`, relative to the root. */
function importGraph(dir: string): string[] {
  const start = readTree(path.join(ROOT, dir));
  const seen = new Set<string>(start);
  const todo = [...start];
  while (todo.length) {
    const file = todo.pop()!;
    if (!/\.(tsx?|mjs|js)$/.test(file)) continue;
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      const next = resolve(file, spec);
      if (next && !seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return [...seen].map((f) => path.relative(ROOT, f));
}

/** Every file under `dir`, tests left out (the build never sees them). */
function readTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((entry) => path.join(dir, entry))
    .filter((f) => statSync(f).isFile() && !/\.test\.tsx?$/.test(f));
}

describe("build-if-stale", () => {
  it("watches every file the web app's import graph reaches from app/, so editing any of them rebuilds it", () => {
    const reached = importGraph("app");
    const watched = (file: string) => SOURCES.some((s: string) => file === s || file.startsWith(`${s}/`));
    // The graph really was walked: pages, components, the domain and the server's API helpers.
    expect(reached.filter((f) => f.startsWith("components/")).length).toBeGreaterThan(20);
    expect(reached.some((f) => f.startsWith("lib/valuechain/"))).toBe(true);
    expect(reached.some((f) => f.startsWith("server/api/"))).toBe(true);
    expect(reached.filter((f) => !watched(f))).toEqual([]);
  });

  it("watches the files that shape the build besides the sources: Next, PostCSS (Tailwind) and TypeScript configs, package.json and the lockfile", () => {
    expect(SOURCES).toEqual(expect.arrayContaining(["next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json", "package-lock.json"]));
  });
});
