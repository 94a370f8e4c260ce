/** Text for SVG and HTML: escaped, and measured roughly where there is no browser to ask. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The stack the canvas uses (Tailwind's sans), so a picture opened on the same machine matches. */
export const FONT_FAMILY = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const NARROW = new Set("iljtfrI.,:;!|'()[] ");
const WIDE = new Set("mwMW@%");

/**
 * The width of `text` at `size` px in a common sans-serif, estimated per character class.
 * Errs wide by design (DejaVu Sans, the widest common default, sets the measure) for Latin text, which is all a layout without a browser needs:
 * wrapping a name and sizing a badge never depend on the exact pixel.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (NARROW.has(c)) em += 0.32;
    else if (WIDE.has(c)) em += 0.92;
    else if (c >= "A" && c <= "Z") em += 0.7;
    else if (c >= "0" && c <= "9") em += 0.62;
    else if (c.codePointAt(0)! > 0x2e80) em += 1;
    else em += 0.6;
  }
  // Erring wide: a name wrapped a little early reads better than one cut by the card's edge.
  return em * size * (bold ? 1.1 : 1);
}

/** `text` cut to fit `width`, with an ellipsis when cut. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = [...text];
  while (chars.length && textWidth(`${chars.join("")}…`, size, bold) > width) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** `text` wrapped at spaces into at most `maxLines` lines of `width`; the last one ends in an ellipsis when cut. */
export function wrapText(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(next, size, bold) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(" ");
      break;
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, maxLines).map((l) => fitText(l, width, size, bold));
}
