import { formatPercent } from "./format";

/** Closer than this to 100 reads as 100%: the panel shows at most one decimal. */
const DISPLAY_TOLERANCE = 0.05;

/**
 * What the routes of question 8 carry together. Each unit of our volume takes one route, so with
 * every share set they make 100%; anything else points at shares that do not add up or at goods
 * that stop before a consumer.
 */
export function ShareTotal({ shares }: { shares: readonly number[] }) {
  const total = shares.reduce((sum, s) => sum + s, 0);
  const whole = Math.abs(total - 100) < DISPLAY_TOLERANCE;
  return (
    <p data-testid="channel-share-total" className={`mt-1 px-2 text-xs ${whole ? "text-slate-500" : "text-amber-800"}`}>
      Together: <strong>{whole ? "100%" : formatPercent(total)}</strong> of our volume
      {whole ? "." : ", not 100%: some player's shares do not add up to 100%, or some goods stop before reaching a consumer."}
    </p>
  );
}
