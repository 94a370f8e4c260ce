import { describe, expect, it } from "vitest";
import { buildReport, humanDate, type ReportInput } from "./reportModel";
import { escapeHtml, renderReportHtml } from "./reportHtml";
import { boardFromTemplate } from "../valuechain/templates";
import { analyzeBoard } from "../valuechain/answers";
import { EIGHT_QUESTIONS } from "../valuechain/labels";
import { scoreRound } from "../valuechain/rounds";
import type { Board } from "../valuechain/model";
import { board, goods, player } from "../../tests/helpers/boards";

const AT = new Date("2026-11-29T14:05:00Z");

function input(b: Board, extra: Partial<ReportInput> = {}): ReportInput {
  return { board: b, generatedAt: AT, connected: [], lastRound: null, since: null, ...extra };
}

const html = (b: Board, extra: Partial<ReportInput> = {}) => renderReportHtml(buildReport(input(b, extra)));

/** The page's text without tags, entities decoded, whitespace collapsed: what a reader sees. */
function text(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The HTML of one section, by its id. */
function section(page: string, id: string): string {
  const match = page.match(new RegExp(`<section id="${id}">[\\s\\S]*?</section>`));
  return match ? match[0] : "";
}

describe("board report", () => {
  const template = boardFromTemplate("building-products");

  it("escapes every text a person typed, a script in a player name included", () => {
    const evil = board([goods("a", "b")], [player("a", { name: '<script>alert("x")</script>', isUs: true, aliases: ["<img src=x onerror=alert(1)>"] }), player("b", { why: "</td><script>1</script>", customer: "yes" })], "<b>Title</b> & co");
    const page = html(evil, { connected: [{ name: "<script>bob</script>", function: "Sales" }] });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<b>Title");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("<title>&lt;b&gt;Title&lt;/b&gt; &amp; co</title>");
    expect(text(page)).toContain('<script>alert("x")</script>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("is self-contained: inline style and SVG, no script, no link, no external URL", () => {
    const page = html(template);
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain("<style>");
    expect(page).toContain("@page");
    expect(page).toMatch(/<figure class="diagram"><svg /);
    expect(page).not.toMatch(/<script|<link|<iframe|<object/i);
    // The SVG namespace is a name, not a request; nothing else may point off the page.
    expect(page.replaceAll('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/(src|href)="(?!data:)/);
  });

  it("has every section, in order, given the data for each", () => {
    const b = template;
    const scores = scoreRound(["customer"], [{ ref: "a", name: "Ann", function: "Sales", answers: { customer: { p3: { value: "yes" } } } }, { ref: "b", name: "Bo", function: "Finance", answers: { customer: { p3: { value: "yes" } } } }], b);
    const page = html(b, {
      connected: [{ name: "Ann", function: "Sales" }],
      lastRound: { createdAt: "2026-11-28T10:00:00Z", status: "revealed", questions: ["customer"], participants: [{ name: "Ann", function: "Sales" }, { name: "Bo", function: "Finance" }], scores },
      since: { version: { id: "v1", name: "Before", createdAt: "2026-11-01T09:00:00Z" }, board: b },
    });
    const order = ["present", "diagram", "questions", "channels", "strategy", "warnings", "round", "changes"].map((id) => page.indexOf(`<section id="${id}">`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(page).toContain('datetime="2026-11-29T14:05:00.000Z"');
    expect(page).toContain("29 November 2026, 14:05 UTC");
    expect(humanDate(AT)).toBe("29 November 2026, 14:05 UTC");
  });

  it("leaves the round and changes sections out when there is no round and no version", () => {
    const page = html(template);
    expect(section(page, "round")).toBe("");
    expect(section(page, "changes")).toBe("");
    expect(text(section(page, "present"))).toContain("The board has no revealed workshop round.");
  });

  it("asks the eight questions in the panel's words and answers each from the diagram", () => {
    const report = buildReport(input(template));
    expect(report.questions.map((q) => q.question)).toEqual([...EIGHT_QUESTIONS]);
    const a = analyzeBoard(template);
    const name = (id: string) => template.players.find((p) => p.id === id)!.name;
    const [q1, q2, q3, q4, q5, q6, q7, q8] = report.questions;
    expect(q1.answer).toBe(`${template.players.length} players of ${Object.keys(a.players).length} kinds.`);
    expect(q1.details).toContain("Specifier: Architect");
    expect(q2.answer).toContain(name(a.consumers[0]));
    expect(q3.answer).toContain(name(a.starts[0]));
    expect(q4.answer).toBe(`${name(a.us!.id)}, at stage ${a.us!.stage} of ${a.us!.stages}, counting players along the longest goods route.`);
    for (const c of a.customers) expect(q5.details).toContain(`${name(c.id)} — ${c.why.trim() || "no reason written down"}`);
    for (const c of a.nonCustomers) expect(q6.details.join("\n")).toContain(name(c.id));
    expect(q7.details).toHaveLength(a.customers.length + a.nonCustomers.length);
    expect(q8.answer).toBe(`${a.channels.count} distribution channels from us to a consumer.`);

    const page = html(template);
    const questions = text(section(page, "questions"));
    for (const q of report.questions) {
      expect(questions).toContain(q.question);
      expect(questions).toContain(q.answer);
    }
  });

  it("lists the parallel channels with their count and volume shares", () => {
    const b = board(
      [goods("us", "d1", { share: 60 }), goods("us", "d2", { share: 40 }), goods("d1", "end", { share: 100 }), goods("d2", "end", { share: 100 })],
      [player("us", { name: "Us", isUs: true }), player("end", { name: "Home", consumer: true })],
    );
    const report = buildReport(input(b));
    expect(report.channels).toMatchObject({ count: 2, capped: false, fromUs: true, sharesKnown: true, total: 100, missingShares: [] });
    expect(report.channels.routes).toEqual([
      { players: ["Us", "D1", "Home"], share: 60 },
      { players: ["Us", "D2", "Home"], share: 40 },
    ]);
    const page = html(b);
    expect(page).toContain('data-channel-count="2"');
    const channels = text(section(page, "channels"));
    expect(channels).toContain("2 parallel distribution channels from us to a consumer");
    expect(channels).toMatch(/Us → D1 → Home 60%/);
    expect(channels).toMatch(/Total 100%/);

    const unshared = buildReport(input(board([goods("us", "d1", { share: 60 }), goods("d1", "end")], [player("us", { isUs: true }), player("end", { consumer: true })])));
    expect(unshared.channels.sharesKnown).toBe(false);
    expect(unshared.channels.missingShares).toEqual(["D1 → END"]);
  });

  it("has one strategy row per player along the chain, with kind, customer and why, strategy, transaction and other names", () => {
    const report = buildReport(input(template));
    expect(report.strategy.map((r) => r.id).sort()).toEqual(template.players.map((p) => p.id).sort());
    const dealer = report.strategy.find((r) => r.id === "p4")!;
    const p4 = template.players.find((p) => p.id === "p4")!;
    expect(dealer).toMatchObject({ name: p4.name, kind: "Retailer / dealer", aliases: ["Reseller", "Showroom"] });
    const us = report.strategy.find((r) => r.isUs)!;
    expect(us).toMatchObject({ customer: "Us", strategy: "—", transaction: "—" });
    // Along the chain: the supplier (stage 1) before us (stage 2) before the homeowner.
    const ids = report.strategy.map((r) => r.id);
    expect(ids.indexOf("p1")).toBeLessThan(ids.indexOf("p2"));
    expect(ids.indexOf("p2")).toBeLessThan(ids.indexOf("p7"));

    const page = html(template);
    const rows = section(page, "strategy").match(/<tr[ >]/g)!.length - 1;
    expect(rows).toBe(template.players.length);
    const row = section(page, "strategy").match(/<tr data-player="p4">[\s\S]*?<\/tr>/)![0];
    expect(text(row)).toContain("Reseller, Showroom");
    expect(text(row)).toContain(p4.why.trim() || "—");
  });

  it("shows the open warnings, and says so when there are none", () => {
    const b = board([goods("a", "b")], [player("b", { customer: "yes" })]);
    const warnings = analyzeBoard(b).warnings;
    expect(warnings.length).toBeGreaterThan(1);
    const page = html(b);
    const shown = text(section(page, "warnings"));
    for (const w of warnings) expect(shown).toContain(w.message);
    expect(text(section(html(board([goods("us", "b")], [player("us", { isUs: true }), player("b", { consumer: true })])), "warnings"))).toContain("None");
  });

  it("shows the last workshop round: participants, Fleiss' kappa and each item's agreement", () => {
    const b = template;
    const participants = [
      { ref: "a", name: "Ann", function: "Sales", answers: { customer: { p3: { value: "yes" as const }, p4: { value: "yes" as const } } } },
      { ref: "b", name: "Bo", function: "Finance", answers: { customer: { p3: { value: "yes" as const }, p4: { value: "no" as const } } } },
      { ref: "c", name: "Cy", function: "Marketing", answers: { customer: { p3: { value: "yes" as const }, p4: { value: "yes" as const } } } },
    ];
    const scores = scoreRound(["customer"], participants, b);
    const report = buildReport(input(b, { lastRound: { createdAt: "2026-11-28T10:00:00Z", status: "revealed", questions: ["customer"], participants, scores } }));
    expect(report.round!.kappa).toBe(scores.kappa);
    const p3 = report.round!.items.find((i) => i.segment === "Builders' merchant")!;
    expect(p3).toMatchObject({ question: "Customer or not", answer: "Customer", agreement: 1, level: "Unanimous" });
    const p4 = report.round!.items.find((i) => i.segment === "Window dealer")!;
    expect(p4.agreement).toBeCloseTo(2 / 3);
    expect(p4.level).toBe("Majority");

    const page = html(b, { lastRound: { createdAt: "2026-11-28T10:00:00Z", status: "revealed", questions: ["customer"], participants, scores } });
    const round = section(page, "round");
    expect(round).toContain(`κ = ${scores.kappa!.toFixed(2)}`);
    expect(text(round)).toMatch(/Builders' merchant Customer 100% Unanimous/);
    expect(text(round)).toMatch(/Window dealer Customer 67% Majority/);
    expect(text(section(page, "present"))).toMatch(/Took part in the last workshop round \(28 November 2026, 10:00 UTC\) Ann \(Sales\) Bo \(Finance\) Cy \(Marketing\)/);
  });

  it("says who is connected, or that nobody is, or that the server cannot tell", () => {
    expect(text(section(html(template, { connected: [{ name: "Maria", function: "Sales" }, { name: "Tom", function: "Finance" }] }), "present"))).toContain(
      "Connected when this report was made (2) Maria (Sales) Tom (Finance)",
    );
    expect(text(section(html(template, { connected: [] }), "present"))).toContain("Nobody was connected to the board.");
    expect(text(section(html(template, { connected: null }), "present"))).toContain("could not see who is connected");
  });

  it("reports the changes since a version: counts, players, channels and the answers that moved", () => {
    const before = template;
    const after: Board = structuredClone(template);
    after.players.push({ ...after.players[0], id: "p99", name: "Online shop", kind: "retailer", isUs: false });
    after.players.find((p) => p.id === "p4")!.customer = "no";
    after.channels = after.channels.filter((c) => c.id !== after.channels[0].id);
    after.title = "Renamed board";
    const report = buildReport(input(after, { since: { version: { id: "v1", name: "FY27 — before", createdAt: "2026-11-01T09:00:00.000Z" }, board: before } }));
    const c = report.changes!;
    expect(c.title).toEqual({ before: before.title, after: "Renamed board" });
    expect(c.counts.players).toMatchObject({ added: 1, removed: 0, changed: 1 });
    expect(c.counts.channels).toMatchObject({ removed: 1 });
    expect(c.players).toContain("Added Online shop (Retailer / dealer)");
    expect(c.players.find((l) => l.startsWith("Changed Window dealer"))).toContain("customer");
    expect(c.channels[0]).toMatch(/^Removed Goods channel/);
    expect(c.answers.length).toBeGreaterThan(0);

    const page = renderReportHtml(report);
    const changes = text(section(page, "changes"));
    expect(changes).toContain("Changes since “FY27 — before”");
    expect(changes).toContain("Added Online shop (Retailer / dealer)");
    for (const line of c.answers) expect(changes).toContain(line);
  });

  it("lists the open comment threads, not the resolved ones, escaped, with what each is on", () => {
    const b = board([goods("a", "b")], [player("a", { name: "Dealer" }), player("b")]);
    const at = "2026-11-28T09:00:00.000Z";
    b.comments = [
      { id: "t1", target: { player: "a" }, resolved: false, messages: [{ id: "m1", author: { name: "Ada", function: "Sales" }, text: "Customer? <b>really</b>", at }] },
      { id: "t2", target: { player: "gone" }, resolved: false, messages: [{ id: "m2", author: { name: "Ben" }, text: "Detached one", at }] },
      { id: "t3", target: { x: 0, y: 0 }, resolved: true, messages: [{ id: "m3", author: { name: "Cleo" }, text: "Settled", at }] },
    ];
    const page = html(b);
    const part = page.match(/<section id="discussion">[\s\S]*?<\/section>/)![0];
    expect(part).toContain("On Dealer");
    expect(part).toContain("Ada (Sales)");
    expect(part).toContain("Customer? &lt;b&gt;really&lt;/b&gt;");
    expect(part).toContain("a player since deleted");
    expect(part).not.toContain("Settled");
    expect(html(board([], [player("a")]))).not.toContain('id="discussion"');
  });
});
