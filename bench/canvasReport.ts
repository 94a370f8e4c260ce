/** The browser benchmark's tables: per metric, the median over rounds per board and its ratio to the smallest board. */
import { median } from "./stats";

export interface CanvasSample {
  firstPlayerMs: number;
  savedMs: number;
  dragMs: number;
  dragP95FrameGapMs: number;
  dragFrames: number;
  editToAnswersMs: number;
}

export interface BoardSize {
  players: number;
  channels: number;
}

/** Targets are ratios at the largest board against the smallest, measured in the same run. */
const METRICS: readonly { key: keyof CanvasSample; title: string; target?: number }[] = [
  { key: "firstPlayerMs", title: "Time to first player card", target: 3 },
  { key: "savedMs", title: "Time until the board is live (top bar says saved)" },
  { key: "dragMs", title: "Drag of 30 steps: wall time", target: 1.5 },
  { key: "dragP95FrameGapMs", title: "Drag of 30 steps: 95th percentile gap between frames", target: 1.5 },
  { key: "editToAnswersMs", title: "Edit → answers: a new customer until question 5 shows it" },
];

const COUNT = new Intl.NumberFormat("en");
export const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const times = (ratio: number) => `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
const boardName = ({ players, channels }: BoardSize) => `${COUNT.format(players)} players, ${COUNT.format(channels)} channels`;

export function formatSample(sample: CanvasSample): string {
  return (
    `first player ${ms(sample.firstPlayerMs)} ms, live ${ms(sample.savedMs)} ms, ` +
    `drag ${ms(sample.dragMs)} ms (p95 frame gap ${ms(sample.dragP95FrameGapMs)} ms over ${sample.dragFrames} frames), ` +
    `edit → answers ${ms(sample.editToAnswersMs)} ms`
  );
}

export function printCanvasReport(sizes: readonly BoardSize[], samples: readonly (readonly CanvasSample[])[]): void {
  const rounds = samples[0].length;
  const largest = sizes[sizes.length - 1];
  const verdicts: string[] = [];
  for (const { key, title, target } of METRICS) {
    const medians = samples.map((s) => median(s.map((x) => x[key])));
    const baseline = medians[0];
    console.log(`\n### ${title} (median of ${rounds}${target ? `; target at ${COUNT.format(largest.players)} players ≤ ${target}×` : ""})`);
    console.log(`| board | median ms | vs ${COUNT.format(sizes[0].players)} players |\n|---|---|---|`);
    sizes.forEach((size, i) => console.log(`| ${boardName(size)} | ${ms(medians[i])} | ${times(medians[i] / baseline)} |`));
    if (target) {
      const ratio = medians[medians.length - 1] / baseline;
      verdicts.push(`${title}: ${ms(medians[medians.length - 1])} ms, ${times(ratio)} (target ≤ ${target}×: ${ratio <= target ? "met" : "not met"})`);
    }
  }
  console.log(`\n### Against the targets at ${boardName(largest)}`);
  for (const line of verdicts) console.log(`- ${line}`);
}
