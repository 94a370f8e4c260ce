import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../valuechain/templates";
import { board, goods, influence, player } from "../../tests/helpers/boards";
import { renderBoardSvg } from "./boardSvg";
import { cardLayout } from "./cardLayout";
import { wrapText, textWidth } from "./svgText";

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe("renderBoardSvg", () => {
  const chain = board([goods("us", "dealer"), goods("dealer", "end", { share: 60, label: "stock" }), influence("spec", "dealer")], [
    player("us", { isUs: true, kind: "manufacturer", x: 0, y: 0 }),
    player("dealer", { kind: "retailer", x: 300, y: 0, customer: "yes" }),
    player("end", { kind: "end-user", x: 600, y: 0, consumer: true }),
    player("spec", { kind: "specifier", x: 300, y: 250 }),
  ]);

  it("draws one group per player and one path per channel, nothing else as a path", () => {
    const { svg, players, channels } = renderBoardSvg(chain);
    expect(players).toBe(4);
    expect(channels).toBe(3);
    expect(count(svg, /<g class="react-flow__node player"/g)).toBe(4);
    expect(count(svg, /<path /g)).toBe(3);
    for (const id of ["us", "dealer", "end", "spec"]) expect(svg).toContain(`data-id="${id}" data-kind=`);
  });

  it("shows labels and shares as on the canvas, and the arrow kind of each flow", () => {
    const { svg } = renderBoardSvg(chain);
    expect(svg).toContain(">stock · 60%</text>");
    expect(count(svg, /<polygon /g)).toBe(2); // goods: filled heads
    expect(count(svg, /<polyline /g)).toBe(1); // influence: an open head
  });

  it("escapes every text a person typed", () => {
    const hostile = board([], [player("x", { name: `<script>alert("x")</script> & co`, aliases: ["<b>"] })], `</svg><img src=x onerror=alert(1)>`);
    const { svg } = renderBoardSvg(hostile);
    expect(svg).not.toMatch(/<script|<img|<b>/);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("&amp; co");
  });

  it("keeps only the selected players and the channels among them", () => {
    const { svg, players, channels } = renderBoardSvg(chain, { only: ["us", "dealer"] });
    expect([players, channels]).toEqual([2, 1]);
    expect(svg).not.toContain('data-id="end"');
  });

  it("places flow coordinates at (x - origin.x, y - origin.y) and grows with the board", () => {
    const small = renderBoardSvg(chain, { legend: false, padding: 10 });
    expect(small.origin).toEqual({ x: -6 - 10, y: expect.any(Number) as number });
    const moved = renderBoardSvg({ ...chain, players: chain.players.map((p) => (p.id === "end" ? { ...p, x: 1600 } : p)) }, { legend: false, padding: 10 });
    expect(moved.width - small.width).toBe(1000);
  });

  it("draws the background only when white, and the legend of the view", () => {
    expect(renderBoardSvg(chain).svg).toContain('class="background"');
    expect(renderBoardSvg(chain, { background: "transparent" }).svg).not.toContain('class="background"');
    expect(renderBoardSvg(chain).svg).toContain('data-view="flows"');
    const strategy = renderBoardSvg(chain, { strategyView: true }).svg;
    expect(strategy).toContain('data-view="strategy"');
    expect(strategy).toContain("Sales strategy");
    expect(renderBoardSvg(chain, { legend: false }).svg).not.toContain('class="legend"');
  });

  it("renders every template without a channel left out", () => {
    for (const template of Object.values(TEMPLATES)) {
      const picture = renderBoardSvg(template.board);
      expect(picture.players).toBe(template.board.players.length);
      expect(count(picture.svg, /<path /g)).toBe(template.board.channels.length);
    }
  });
});

describe("cards and text", () => {
  it("wraps a long name on two lines and cuts the rest with an ellipsis", () => {
    const lines = wrapText("The very long name of a national builders' merchant with many branches", 168, 16, 2, true);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    for (const line of lines) expect(textWidth(line, 16, true)).toBeLessThanOrEqual(168);
  });

  it("grows a card with its aliases and badges", () => {
    const plain = cardLayout(player("a", { isUs: true }));
    const rich = cardLayout(player("b", { aliases: ["reseller"], strategy: "push", transaction: "direct", consumer: true, name: "A name long enough to wrap twice over" }));
    expect(rich.height).toBeGreaterThan(plain.height);
    expect(rich.badges.map((b) => b.text)).toEqual(["Customer ?", "Push", "Direct", "Consumes"]);
  });
});

describe("frames and notes in the picture", () => {
  it("draws frames behind the channels and notes in front of the cards, and never as paths", () => {
    const withDiscussion = board([goods("a", "b")], [player("a", { x: 0, y: 0 }), player("b", { x: 300, y: 0 })]);
    withDiscussion.frames = [{ id: "f", title: "Export <markets>", x: -40, y: -40, width: 600, height: 300 }];
    withDiscussion.notes = [{ id: "n", text: "Kitchen studios?", color: "pink", x: 0, y: 400, author: { name: "Ada" } }];
    const { svg, height } = renderBoardSvg(withDiscussion, { legend: false });
    expect(svg.indexOf('class="frames"')).toBeLessThan(svg.indexOf('class="channels"'));
    expect(svg.indexOf('class="notes"')).toBeGreaterThan(svg.indexOf('class="players"'));
    expect(svg).toContain("Export &lt;markets&gt;");
    expect(svg).toContain(">Kitchen studios?</text>");
    expect(count(svg, /<path /g)).toBe(1);
    expect(height).toBeGreaterThan(400 + 120);
  });
});
