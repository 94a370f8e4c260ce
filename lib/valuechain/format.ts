/** Numbers and lists in words, the same in the questions panel, the workshop and the report. */
const COUNT = new Intl.NumberFormat("en");
const PERCENT = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** "1 player", "1,204 players". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${COUNT.format(n)} ${n === 1 ? one : many}`;
}

/** A share of volume for people: at most one decimal, and never "0%" for a route that carries something. */
export function formatPercent(percent: number): string {
  return percent > 0 && percent < 0.05 ? "<0.1%" : `${PERCENT.format(percent)}%`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
