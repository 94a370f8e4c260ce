/**
 * A board report (reportModel.ts) as one self-contained HTML page: inline styles, the diagram
 * as inline SVG (its icons are data: images), no script, no link, no external URL, so it opens
 * with the network cut off, prints as a board pack (A4 landscape, tables that break between
 * rows) and is what the server's Chromium turns into the PDF. Every text a person typed is
 * escaped; the SVG comes from lib/picture, which escapes its own.
 */
import { formatPercent, plural } from "../valuechain/format";
import type { ReportData, ReportPerson } from "./reportModel";
import { escapeXml } from "../picture/svgText";

/** Text as HTML content or a quoted attribute value. */
/** Text for HTML: the same five characters as for SVG (lib/picture/svgText.ts). */
export const escapeHtml = escapeXml;

const e = escapeHtml;

const STYLE = `
@page { size: A4 landscape; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #0f172a; background: #fff; font: 10.5pt/1.45 "Inter", "Helvetica Neue", Helvetica, Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 40px; }
@media print { main { max-width: none; padding: 0; } }
header.cover { border-bottom: 3px solid #0f172a; padding-bottom: 12px; margin-bottom: 18px; }
.eyebrow { margin: 0; font-size: 8.5pt; font-weight: 700; letter-spacing: .12em; text-transform: uppercase; color: #4f46e5; }
h1 { margin: 4px 0 6px; font-size: 22pt; line-height: 1.15; letter-spacing: -.01em; }
.meta { margin: 0; color: #475569; font-size: 9.5pt; }
.meta strong { color: #0f172a; font-weight: 600; }
section { margin: 0 0 18px; }
h2 { margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid #cbd5e1; font-size: 13pt; break-after: avoid; page-break-after: avoid; }
h3 { margin: 10px 0 4px; font-size: 10.5pt; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 6px; }
.muted { color: #64748b; }
.note { color: #64748b; font-size: 9pt; }
figure.diagram { margin: 0; border: 1px solid #e2e8f0; border-radius: 6px; padding: 6px; break-inside: avoid; page-break-inside: avoid; }
figure.diagram svg { display: block; width: 100%; height: auto; max-height: 150mm; }
figcaption { margin-top: 4px; font-size: 8.5pt; color: #64748b; }
ol.questions { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 8px 18px; }
ol.questions > li { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #e2e8f0; padding-top: 6px; }
.q { display: flex; gap: 8px; font-weight: 600; }
.n { flex: none; display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 50%; background: #0f172a; color: #fff; font-size: 8pt; }
.a { margin: 2px 0 0 26px; }
ul.details { margin: 3px 0 0 26px; padding-left: 14px; color: #334155; font-size: 9.5pt; }
.count { display: inline-block; padding: 1px 8px; border-radius: 999px; background: #eef2ff; color: #3730a3; font-weight: 700; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid #e2e8f0; }
th { background: #f1f5f9; font-weight: 600; color: #334155; font-size: 8.5pt; text-transform: uppercase; letter-spacing: .04em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.us td { background: #f8fafc; font-weight: 600; }
.route { white-space: normal; }
.route .arrow { color: #94a3b8; padding: 0 3px; }
.tag { display: inline-block; margin-left: 4px; padding: 0 5px; border-radius: 4px; background: #0f172a; color: #fff; font-size: 7.5pt; font-weight: 700; vertical-align: 1px; }
.pill { white-space: nowrap; display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 8.5pt; font-weight: 600; }
.pill.yes { background: #dcfce7; color: #166534; }
.pill.no { background: #fee2e2; color: #991b1b; }
.pill.undecided { background: #fef9c3; color: #854d0e; }
.pill.unanimous { background: #dcfce7; color: #166534; }
.pill.majority { background: #fef9c3; color: #854d0e; }
.pill.split { background: #fee2e2; color: #991b1b; }
ul.warnings { margin: 0; padding: 0; list-style: none; }
ul.warnings li { break-inside: avoid; page-break-inside: avoid; margin-bottom: 5px; padding: 5px 8px; border-left: 3px solid #d97706; background: #fffbeb; }
.people { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 18px; }
.people ul { margin: 0; padding-left: 16px; }
.kappa { font-size: 14pt; font-weight: 700; }
.counts td, .counts th { text-align: center; }
.counts th:first-child, .counts td:first-child { text-align: left; }
footer { margin-top: 22px; padding-top: 6px; border-top: 1px solid #e2e8f0; color: #94a3b8; font-size: 8pt; }
`;

function people(list: ReportPerson[]): string {
  return `<ul>${list.map((p) => `<li>${e(p.name)}${p.function ? ` <span class="muted">(${e(p.function)})</span>` : ""}</li>`).join("")}</ul>`;
}

function presenceSection(d: ReportData): string {
  const { connected, lastRound } = d.presence;
  const parts: string[] = [];
  if (connected === null) parts.push(`<div><h3>Connected now</h3><p class="muted">The server could not see who is connected.</p></div>`);
  else if (connected.length) parts.push(`<div data-present="connected"><h3>Connected when this report was made (${connected.length})</h3>${people(connected)}</div>`);
  else parts.push(`<div data-present="connected"><h3>Connected when this report was made</h3><p class="muted">Nobody was connected to the board.</p></div>`);
  if (lastRound) {
    parts.push(
      `<div data-present="round"><h3>Took part in the last workshop round (${e(lastRound.date)})</h3>${lastRound.people.length ? people(lastRound.people) : `<p class="muted">Nobody answered.</p>`}</div>`,
    );
  } else parts.push(`<div data-present="round"><h3>Last workshop round</h3><p class="muted">The board has no revealed workshop round.</p></div>`);
  return `<section id="present"><h2>Who was present</h2><div class="people">${parts.join("")}</div></section>`;
}

function questionsSection(d: ReportData): string {
  const items = d.questions.map(
    (q) =>
      `<li data-question="${q.n}"><div class="q"><span class="n">${q.n}</span><span>${e(q.question)}</span></div>` +
      `<p class="a">${q.n === 8 ? `<span class="count" data-channel-count="${d.channels.count}">${e(q.answer)}</span>` : e(q.answer)}</p>` +
      (q.details.length ? `<ul class="details">${q.details.map((line) => `<li>${e(line)}</li>`).join("")}</ul>` : "") +
      "</li>",
  );
  return `<section id="questions"><h2>The eight questions</h2><ol class="questions">${items.join("")}</ol></section>`;
}

function channelsSection(d: ReportData): string {
  const c = d.channels;
  const whose = c.fromUs ? "our" : "its start's";
  const head = `<p><span class="count">${c.capped ? "At least " : ""}${e(plural(c.count, "parallel distribution channel"))}</span> ${c.fromUs ? "from us to a consumer" : "from the start of the chain to a consumer (nobody is marked as us)"}.${c.capped ? " Counting stopped there: the goods flow has too many routes to list." : ""}</p>`;
  if (!c.routes.length) return `<section id="channels"><h2>Distribution channels</h2>${head}</section>`;
  const rows = c.routes.map(
    (r, i) =>
      `<tr><td class="num">${i + 1}</td><td class="route">${r.players.map(e).join('<span class="arrow">→</span>')}</td><td class="num">${c.sharesKnown && r.share !== null ? e(formatPercent(r.share)) : "—"}</td></tr>`,
  );
  const total = c.total !== null ? `<tr><td></td><td><strong>Total</strong></td><td class="num"><strong>${e(formatPercent(c.total))}</strong></td></tr>` : "";
  const missing = c.missingShares.length
    ? `<p class="note">Shares are missing on ${e(plural(c.missingShares.length, "goods channel"))}: ${e(c.missingShares.join(", "))}. Route shares are shown once every channel on the routes has one.</p>`
    : "";
  return (
    `<section id="channels"><h2>Distribution channels</h2>${head}` +
    `<table><thead><tr><th class="num">#</th><th>Route</th><th class="num">Share of ${whose} volume</th></tr></thead><tbody>${rows.join("")}${total}</tbody></table>${missing}</section>`
  );
}

function strategySection(d: ReportData): string {
  const pill = (row: ReportData["strategy"][number]) => {
    if (row.isUs) return `<span class="muted">Us</span>`;
    const cls = row.customer === "Customer" ? "yes" : row.customer === "Not a customer" ? "no" : "undecided";
    return `<span class="pill ${cls}">${e(row.customer)}</span>`;
  };
  const rows = d.strategy.map(
    (r) =>
      `<tr${r.isUs ? ' class="us"' : ""} data-player="${e(r.id)}"><td>${e(r.name)}${r.isUs ? '<span class="tag">US</span>' : ""}</td><td>${e(r.kind)}</td><td>${pill(r)}</td><td>${r.why ? e(r.why) : r.isUs ? "" : '<span class="muted">—</span>'}</td><td>${e(r.strategy)}</td><td>${e(r.transaction)}</td><td>${r.aliases.length ? e(r.aliases.join(", ")) : '<span class="muted">—</span>'}</td></tr>`,
  );
  return (
    `<section id="strategy"><h2>Strategy by segment</h2>` +
    (rows.length
      ? `<table><thead><tr><th>Segment</th><th>Kind</th><th>Customer</th><th>Why</th><th>Strategy</th><th>Transaction</th><th>Also called</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
      : `<p class="muted">No players on the board yet.</p>`) +
    "</section>"
  );
}

function warningsSection(d: ReportData): string {
  return (
    `<section id="warnings"><h2>Open warnings</h2>` +
    (d.warnings.length ? `<ul class="warnings">${d.warnings.map((w) => `<li>${e(w.message)}</li>`).join("")}</ul>` : `<p class="muted">None: the diagram raises no warnings.</p>`) +
    "</section>"
  );
}

function discussionSection(d: ReportData): string {
  if (!d.discussion.length) return "";
  const threads = d.discussion.map(
    (t) =>
      `<li><p class="on">On ${e(t.on)}</p><ul>${t.messages.map((m) => `<li><strong>${e(m.author)}</strong> <span class="muted">${e(m.at)} UTC</span><br>${e(m.text)}</li>`).join("")}</ul></li>`,
  );
  return `<section id="discussion"><h2>Open discussion</h2><p class="muted">Comment threads not resolved yet.</p><ol class="threads">${threads.join("")}</ol></section>`;
}

const kappaText = (k: number | null) => (k === null ? "—" : k.toFixed(2));
const percent = (share: number) => `${Math.round(share * 100)}%`;

function roundSection(d: ReportData): string {
  const r = d.round;
  if (!r) return "";
  const perQuestion = r.questions.map(
    (q) => `<tr><td>${e(q.question)}</td><td class="num">${kappaText(q.kappa)}</td><td>${e(q.reading)}</td><td class="num">${q.meanAgreement === null ? "—" : percent(q.meanAgreement)}</td></tr>`,
  );
  const items = r.items.map(
    (i) =>
      `<tr><td>${e(i.question)}</td><td>${e(i.segment)}</td><td>${e(i.answer)}${i.tied ? ' <span class="muted">(tie)</span>' : ""}</td><td class="num">${percent(i.agreement)}</td><td><span class="pill ${e(i.level.toLowerCase())}">${e(i.level)}</span></td></tr>`,
  );
  return (
    `<section id="round"><h2>Last workshop round</h2>` +
    `<p>Round of ${e(r.date)}, ${e(plural(r.participants.length, "participant"))}. Overall agreement: <span class="kappa" data-kappa="${kappaText(r.kappa)}">κ = ${kappaText(r.kappa)}</span> <span class="muted">(Fleiss' kappa: ${e(r.reading)})</span></p>` +
    `<h3>By question</h3><table><thead><tr><th>Question</th><th class="num">κ</th><th>Reading</th><th class="num">Mean agreement</th></tr></thead><tbody>${perQuestion.join("")}</tbody></table>` +
    `<h3>By item</h3><table><thead><tr><th>Question</th><th>Segment</th><th>Most given answer</th><th class="num">Agreeing</th><th>Level</th></tr></thead><tbody>${items.join("")}</tbody></table>` +
    "</section>"
  );
}

function changesSection(d: ReportData): string {
  const c = d.changes;
  if (!c) return "";
  const list = (lines: string[], none: string) => (lines.length ? `<ul>${lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul>` : `<p class="muted">${none}</p>`);
  const { players: p, channels: ch } = c.counts;
  return (
    `<section id="changes"><h2>Changes since “${e(c.version.name)}”</h2>` +
    `<p class="muted">Version saved ${e(c.version.createdAt.slice(0, 16).replace("T", " "))} UTC, compared with the board as it is now.</p>` +
    (c.title ? `<p>Title: “${e(c.title.before)}” → “${e(c.title.after)}”</p>` : "") +
    `<table class="counts"><thead><tr><th></th><th>Added</th><th>Removed</th><th>Changed</th><th>Moved</th></tr></thead><tbody>` +
    `<tr><td>Players</td><td>${p.added}</td><td>${p.removed}</td><td>${p.changed}</td><td>${p.moved}</td></tr>` +
    `<tr><td>Channels</td><td>${ch.added}</td><td>${ch.removed}</td><td>${ch.changed}</td><td>—</td></tr></tbody></table>` +
    `<h3>The eight questions</h3>${list(c.answers, "The answers are the same in both.")}` +
    `<h3>Players</h3>${list(c.players, "No player was added, removed or changed.")}` +
    `<h3>Channels</h3>${list(c.channels, "No channel was added, removed or changed.")}` +
    "</section>"
  );
}

/** The whole report as one HTML document. */
export function renderReportHtml(d: ReportData): string {
  const present = d.presence.connected?.length ? `${plural(d.presence.connected.length, "person", "people")} connected` : null;
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Chainboard">',
    `<title>${e(d.title)}</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<header class="cover"><p class="eyebrow">Value chain report</p><h1>${e(d.title)}</h1>`,
    `<p class="meta">Generated <strong><time datetime="${e(d.generatedAt.iso)}">${e(d.generatedAt.human)}</time></strong> · <span class="muted">${e(d.generatedAt.iso)}</span>${present ? ` · ${e(present)}` : ""}</p></header>`,
    presenceSection(d),
    `<section id="diagram"><h2>The value chain</h2><figure class="diagram">${d.diagram.svg}<figcaption>Solid arrows carry goods, dashed ones commercial relations (who invoices whom), dotted ones influence.</figcaption></figure></section>`,
    questionsSection(d),
    channelsSection(d),
    strategySection(d),
    warningsSection(d),
    discussionSection(d),
    roundSection(d),
    changesSection(d),
    `<footer>Chainboard report of “${e(d.title)}”, generated ${e(d.generatedAt.iso)}.</footer>`,
    "</main></body></html>",
  ].join("\n");
}
