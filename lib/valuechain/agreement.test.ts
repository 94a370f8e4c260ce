import { describe, expect, it } from "vitest";
import { agreementLevel, fleissKappa, kappaReading, pairwiseAgreement, percentAgreement } from "./agreement";

/**
 * The worked example usually printed with Fleiss' kappa: 10 subjects, 14 raters, 5
 * categories; P̄ = 0.378, P_e = 0.213, κ ≈ 0.210.
 */
const FOURTEEN_RATERS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("Fleiss' kappa", () => {
  it("matches the published worked example (κ ≈ 0.210)", () => {
    expect(pairwiseAgreement(FOURTEEN_RATERS[0])).toBe(1);
    expect(pairwiseAgreement(FOURTEEN_RATERS[1])).toBeCloseTo(0.253, 3);
    expect(fleissKappa(FOURTEEN_RATERS)).toBeCloseTo(0.21, 3);
  });

  it("is 1 when everyone agrees, also when all use a single category", () => {
    expect(fleissKappa([[5, 0, 0], [0, 5, 0], [0, 0, 5]])).toBe(1);
    expect(fleissKappa([[4, 0], [4, 0]])).toBe(1);
  });

  it("is below zero when everyone differs", () => {
    // Three participants, three categories, each item split one-one-one.
    const k = fleissKappa([[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
    expect(k).toBeCloseTo(-0.5, 6);
    expect(kappaReading(k)).toMatch(/split/);
  });

  it("is undefined with a single participant", () => {
    expect(fleissKappa([[1, 0], [0, 1]])).toBeNull();
    expect(kappaReading(null)).toMatch(/not enough/);
  });

  it("leaves out items with fewer than two answers", () => {
    const equal = fleissKappa([[3, 0], [0, 3], [2, 1]]);
    const withGap = fleissKappa([[3, 0], [0, 3], [2, 1], [1, 0]]);
    expect(withGap).toBeCloseTo(equal!, 10);
  });
});

describe("per-item agreement", () => {
  it("is the share of the most common answer", () => {
    expect(percentAgreement([3, 1, 0])).toBe(0.75);
    expect(percentAgreement([0, 0])).toBeNull();
  });

  it("names unanimous, majority and split", () => {
    expect(agreementLevel(1)).toBe("unanimous");
    expect(agreementLevel(2 / 3)).toBe("majority");
    expect(agreementLevel(0.5)).toBe("split");
    expect(agreementLevel(1 / 3)).toBe("split");
  });

  it("reads kappas in Landis and Koch's words", () => {
    expect(kappaReading(0.1)).toBe("slight agreement");
    expect(kappaReading(0.3)).toBe("fair agreement");
    expect(kappaReading(0.5)).toBe("moderate agreement");
    expect(kappaReading(0.7)).toBe("substantial agreement");
    expect(kappaReading(0.9)).toBe("almost perfect agreement");
  });
});
