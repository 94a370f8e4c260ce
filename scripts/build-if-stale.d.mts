// Types for TypeScript callers (the benchmarks, build-if-stale.test.ts) of the plain-JS build step.

/** What the build reads, relative to the project root: a file or directory newer than the build makes it stale. */
export const SOURCES: string[];

/** Runs `next build` when the production build is missing or older than a source file; throws if it fails. */
export function buildIfStale(): void;
