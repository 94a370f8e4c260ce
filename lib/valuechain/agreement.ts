/**
 * How much a group agrees, from a table of counts: rows are the items rated (a segment's
 * customer decision, say), columns the categories (yes / no / undecided), each cell the
 * number of participants who put that item in that category.
 *
 * Fleiss' kappa (Fleiss 1971) measures agreement beyond what chance would give. Here every
 * item may have a different number of raters (not everyone answers every item); the usual
 * generalisation is used: each item's agreement P_i is computed with its own n_i, P̄ is their
 * mean, and the category shares p_j are pooled over all ratings. With equal n_i it is
 * exactly Fleiss' formula. Items with fewer than two raters carry no information and are
 * left out.
 */

export type CountTable = number[][];

/** Share of raters choosing the most common category of one item (1 = unanimous). */
export function percentAgreement(counts: number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  return Math.max(...counts) / n;
}

/** Mean pairwise agreement P_i of one item (Fleiss' P_i). */
export function pairwiseAgreement(counts: number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  return (counts.reduce((s, c) => s + c * c, 0) - n) / (n * (n - 1));
}

/**
 * Fleiss' kappa of a table, or null when it is undefined (no item with two raters).
 * When chance agreement is total (everyone always picks the one category in use), kappa is
 * 0/0; agreement is then perfect, and 1 is returned.
 */
export function fleissKappa(table: CountTable): number | null {
  const rows = table.filter((r) => r.reduce((a, b) => a + b, 0) >= 2);
  if (!rows.length) return null;
  const pBar = rows.reduce((s, r) => s + pairwiseAgreement(r)!, 0) / rows.length;
  const total = rows.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  const categories = Math.max(...rows.map((r) => r.length));
  let pe = 0;
  for (let j = 0; j < categories; j++) {
    const pj = rows.reduce((s, r) => s + (r[j] ?? 0), 0) / total;
    pe += pj * pj;
  }
  if (1 - pe < 1e-12) return pBar >= 1 - 1e-12 ? 1 : 0;
  return (pBar - pe) / (1 - pe);
}

/** Landis & Koch's (1977) words for a kappa, as a plain-language reading. */
export function kappaReading(kappa: number | null): string {
  if (kappa === null) return "not enough answers to measure agreement";
  if (kappa < 0) return "less agreement than chance: the group is split";
  if (kappa <= 0.2) return "slight agreement";
  if (kappa <= 0.4) return "fair agreement";
  if (kappa <= 0.6) return "moderate agreement";
  if (kappa <= 0.8) return "substantial agreement";
  return "almost perfect agreement";
}

export type AgreementLevel = "unanimous" | "majority" | "split";

/** unanimous: everyone the same; majority: more than half the same; split: otherwise. */
export function agreementLevel(share: number): AgreementLevel {
  if (share >= 1 - 1e-9) return "unanimous";
  return share > 0.5 ? "majority" : "split";
}
