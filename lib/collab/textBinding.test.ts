/**
 * Hundreds of seeded typing races between two bound fields, with updates delivered in random
 * order and timing, as Yjs's own tests simulate a network. The browser tests (textCollab.spec)
 * prove the same with real inputs in Chromium, but only a few interleavings; this explores
 * many. The stand-in field holds a value and a caret and fires `input`, which is all the
 * binding reads from an <input>.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { metaOf, readBoard } from "./boardDoc";
import { bindTextField, transformIndex } from "./textBinding";
import { watchReplacedTexts } from "./textRescue";
import { mulberry32 } from "../../tests/helpers/random";

class Field {
  value = "";
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection = "none";
  private readonly inputs: (() => void)[] = [];
  readonly ownerDocument = { activeElement: this as unknown };
  addEventListener(type: string, listener: () => void) {
    if (type === "input") this.inputs.push(listener);
  }
  removeEventListener() {}
  setSelectionRange(start: number, end: number) {
    this.selectionStart = start;
    this.selectionEnd = end;
  }
  /** A keystroke at the caret. */
  type(ch: string) {
    const at = this.selectionStart;
    this.value = this.value.slice(0, at) + ch + this.value.slice(this.selectionEnd);
    this.selectionStart = this.selectionEnd = at + ch.length;
    for (const listener of this.inputs) listener();
  }
}

const send = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), "remote");
const settle = () => new Promise((r) => setTimeout(r, 0));

async function race(seed: number, title: Y.Text | string) {
  const random = mulberry32(seed);
  const a = new Y.Doc();
  const b = new Y.Doc();
  metaOf(a).set("title", title);
  send(a, b);
  const stops = [watchReplacedTexts([metaOf(a)]), watchReplacedTexts([metaOf(b)])];
  const fa = new Field();
  const fb = new Field();
  bindTextField(fa as unknown as HTMLInputElement, { locate: () => ({ map: metaOf(a), key: "title" }) });
  bindTextField(fb as unknown as HTMLInputElement, { locate: () => ({ map: metaOf(b), key: "title" }) });
  fa.setSelectionRange(fa.value.length, fa.value.length);
  fb.setSelectionRange(0, 0);
  const [atEnd, atStart] = [" FY27", "Sales "];
  let i = 0;
  let j = 0;
  while (i < atEnd.length || j < atStart.length) {
    if (i < atEnd.length && (j >= atStart.length || random() < 0.5)) fa.type(atEnd[i++]);
    else fb.type(atStart[j++]);
    // A browser handles each incoming message in a task of its own: microtasks (the rescue)
    // run before the next keystroke is handled.
    if (random() < 0.3) {
      send(a, b);
      await Promise.resolve();
    }
    if (random() < 0.3) {
      send(b, a);
      await Promise.resolve();
    }
    if (random() < 0.5) await settle();
  }
  for (let k = 0; k < 3; k++) {
    send(a, b);
    send(b, a);
    await settle();
  }
  stops.forEach((stop) => stop());
  return { a, b, fa, fb };
}

describe("two bound fields typing at once (R-TEXT)", () => {
  it("keep every character of both, in place, on both sides, whatever the delivery order (200 seeds, a plain string upgraded on the first keystroke)", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { a, b, fa, fb } = await race(seed, "Plain title");
      expect([readBoard(a).title, readBoard(b).title, fa.value, fb.value], `seed ${seed}`).toEqual(Array(4).fill("Sales Plain title FY27"));
    }
  });

  it("do the same on a field that is collaborative text already (100 seeds)", async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { a, b, fa, fb } = await race(seed, new Y.Text("Plain title"));
      expect([readBoard(a).title, readBoard(b).title, fa.value, fb.value], `seed ${seed}`).toEqual(Array(4).fill("Sales Plain title FY27"));
    }
  });

  it("moves a caret past text inserted before it, and past this person's own undo or rescued text at it, but not past someone else's at it", () => {
    const delta = [{ retain: 3 }, { insert: "xy" }];
    expect(transformIndex(delta, 5)).toBe(7);
    expect(transformIndex(delta, 3)).toBe(3);
    expect(transformIndex(delta, 3, true)).toBe(5);
    expect(transformIndex([{ retain: 1 }, { delete: 4 }], 3)).toBe(1);
  });
});
