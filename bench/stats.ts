/** Summaries of repeated timings, shared by the browser benchmark's probes and its report. */

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Nearest-rank percentile: a value that was actually observed, never an interpolation. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Gaps between consecutive timestamps: frame times to frame durations. */
export function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]);
}
