/** The legend under an exported picture: the board's title, the line styles, and in the strategy view its colours and outlines. */
import { FLOW_STYLE } from "../canvas/flowStyle";
import { STRATEGY_COLORS } from "../canvas/palette";
import { FLOW_LABELS, STRATEGY_LABELS, TRANSACTION_LABELS } from "../valuechain/labels";
import { FLOWS, STRATEGIES, TRANSACTIONS, type Board } from "../valuechain/model";
import { TW } from "./colors";
import { escapeXml as esc, fitText, textWidth } from "./svgText";

const ROW = 24;
const LEFT = 24;

export function legendHeight(strategyView: boolean): number {
  return strategyView ? 16 + 3 * ROW + 12 : 16 + ROW + 12;
}

interface Item {
  swatch: string;
  text: string;
}

const itemWidth = (text: string) => 34 + textWidth(text, 12) + 20;

/** Items laid out left to right from `x`, each a swatch and its words. */
function row(items: Item[], x: number, y: number): string {
  let at = x;
  return items
    .map((item) => {
      const g = `<g transform="translate(${Math.round(at)},${y})">${item.swatch}<text x="34" y="4" font-size="12" fill="${TW.slate700}">${esc(item.text)}</text></g>`;
      at += itemWidth(item.text);
      return g;
    })
    .join("");
}

/** The width the legend needs to show every item on its row. */
export function legendWidth(board: Board, strategyView: boolean, title: string): number {
  const rows = [FLOWS.map((f) => FLOW_LABELS[f].label)];
  if (strategyView) {
    rows.push(STRATEGIES.map((s) => `${STRATEGY_LABELS[s].label} (${board.players.length})`));
    rows.push(TRANSACTIONS.map((t) => `${TRANSACTION_LABELS[t].label} — ${TRANSACTION_LABELS[t].hint}`));
  }
  const widest = Math.max(...rows.map((texts) => texts.reduce((sum, t) => sum + itemWidth(t), 0)));
  return titleColumn(title) + widest + LEFT;
}

function titleColumn(title: string): number {
  return LEFT + Math.max(textWidth(fitText(title, 220, 13, true), 13, true) + 28, 120);
}

export function renderLegend(board: Board, at: { top: number; width: number; strategyView: boolean; title: string }): string {
  const out: string[] = [`<g class="legend" data-view="${at.strategyView ? "strategy" : "flows"}">`];
  out.push(`<line x1="${LEFT}" y1="${at.top + 4}" x2="${at.width - LEFT}" y2="${at.top + 4}" stroke="${TW.slate200}"/>`);
  const first = at.top + 16 + ROW / 2;
  const titleText = fitText(at.title, 220, 13, true);
  out.push(`<text x="${LEFT}" y="${first + 4}" font-size="13" font-weight="600" fill="${TW.slate900}">${esc(titleText)}</text>`);
  const startX = titleColumn(at.title);
  const flows = FLOWS.map((flow) => {
    const { color, width, dash } = FLOW_STYLE[flow];
    return { swatch: `<line x1="2" y1="0" x2="28" y2="0" stroke="${color}" stroke-width="${width}" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`, text: FLOW_LABELS[flow].label };
  });
  out.push(row(flows, startX, first));
  if (at.strategyView) {
    const counts = new Map<string, number>();
    for (const p of board.players) counts.set(p.strategy, (counts.get(p.strategy) ?? 0) + 1);
    const strategies = STRATEGIES.map((s) => ({
      swatch: `<rect x="8" y="-7" width="14" height="14" rx="2" fill="${STRATEGY_COLORS[s]}"/>`,
      text: `${STRATEGY_LABELS[s].label} (${counts.get(s) ?? 0})`,
    }));
    out.push(`<text x="${LEFT}" y="${first + ROW + 4}" font-size="12" font-weight="600" fill="${TW.slate900}">Sales strategy</text>`);
    out.push(row(strategies, startX, first + ROW));
    const outlines = TRANSACTIONS.map((t) => {
      const stroke = t === "direct" ? `stroke="${TW.slate900}" stroke-width="3"` : t === "indirect" ? `stroke="${TW.slate600}" stroke-width="2" stroke-dasharray="4 3"` : `stroke="${TW.slate200}" stroke-width="1"`;
      return { swatch: `<rect x="4" y="-7" width="22" height="14" rx="2" fill="#ffffff" ${stroke}/>`, text: `${TRANSACTION_LABELS[t].label} — ${TRANSACTION_LABELS[t].hint}` };
    });
    out.push(`<text x="${LEFT}" y="${first + 2 * ROW + 4}" font-size="12" font-weight="600" fill="${TW.slate900}">How we transact</text>`);
    out.push(row(outlines, startX, first + 2 * ROW));
  }
  out.push("</g>");
  return out.join("");
}
