// Types for TypeScript callers (the benchmarks) of the plain-JS build step.

/** Runs `next build` when the production build is missing or older than a source file; exits the process if it fails. */
export function buildIfStale(): void;
