/**
 * What the canvas shows on each player card during a workshop: how far the group agrees on it
 * once a round is revealed, and the picks of the person answering. Plain data, no React.
 */
import type { AgreementLevel } from "@/lib/valuechain/agreement";
import { AGREEMENT_LABELS, QUESTION_LABELS } from "@/lib/valuechain/labels";
import type { ItemScore, RoundScores } from "@/lib/valuechain/rounds";

export interface AgreementDecoration {
  level: AgreementLevel;
  /** Share of the most common answer on the most contested item of this player. */
  agreement: number;
  label: string;
  /** One line per question asked about this player, for the tooltip. */
  detail: string;
}

export const LEVEL_COLORS: Record<AgreementLevel, string> = { unanimous: "#16a34a", majority: "#d97706", split: "#dc2626" };

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Player id → the agreement on its most contested item. The "us" question is about the whole
 * board: the players someone chose as us carry its agreement.
 */
export function agreementByPlayer(scores: RoundScores): Map<string, AgreementDecoration> {
  const items = new Map<string, ItemScore[]>();
  const add = (id: string, item: ItemScore) => {
    if (!items.has(id)) items.set(id, []);
    items.get(id)!.push(item);
  };
  for (const item of scores.items) {
    if (item.question === "us") for (const d of item.distribution) add(d.value, item);
    else add(item.item, item);
  }
  const out = new Map<string, AgreementDecoration>();
  for (const [id, list] of items) {
    const worst = list.reduce((a, b) => (b.agreement < a.agreement ? b : a));
    out.set(id, {
      level: worst.level,
      agreement: worst.agreement,
      // One answer agrees with itself: say so rather than show it as unanimous; a tie is a tie.
      label: worst.answered < 2 ? "Only one answer" : `${worst.tied.length ? "Tie" : AGREEMENT_LABELS[worst.level]} · ${percent(worst.agreement)}`,
      detail: list.map((i) => `${QUESTION_LABELS[i.question].label}: ${AGREEMENT_LABELS[i.level].toLowerCase()} (${percent(i.agreement)})`).join("\n"),
    });
  }
  return out;
}
