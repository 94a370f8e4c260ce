import { describe, expect, it } from "vitest";
import { SaveTracker } from "./saveStatus";

function connected() {
  const t = new SaveTracker();
  t.setConnection("connected");
  t.setSynced(true);
  t.acknowledged(t.nextRequest()!);
  return t;
}

describe("save status from the server's acknowledgements", () => {
  it("says Saved only once the server acknowledged every local change", () => {
    const t = connected();
    expect(t.get().state).toBe("saved");
    t.localChange();
    expect(t.get().state).toBe("saving");
    const first = t.nextRequest()!;
    t.localChange();
    const second = t.nextRequest()!;
    t.acknowledged(first);
    expect(t.get().state).toBe("saving");
    t.acknowledged(second);
    expect(t.get()).toMatchObject({ state: "saved", unsaved: false });
  });

  it("never asks for confirmation while offline, and keeps the changes marked unsaved", () => {
    const t = connected();
    t.setConnection("disconnected");
    t.localChange();
    expect(t.nextRequest()).toBeNull();
    expect(t.get()).toMatchObject({ state: "offline", unsaved: true });
  });

  it("ignores an acknowledgement from before a reconnect and re-confirms after the resync", () => {
    const t = connected();
    t.localChange();
    const stale = t.nextRequest()!;
    t.setConnection("connecting");
    t.setConnection("connected");
    t.acknowledged(stale);
    expect(t.get().unsaved).toBe(true);
    t.setSynced(true);
    t.acknowledged(t.nextRequest()!);
    expect(t.get().state).toBe("saved");
  });

  it("reports a permanent refusal with a reason", () => {
    const t = connected();
    t.refused(4401);
    expect(t.get().state).toBe("refused");
    expect(t.get().problem).toMatch(/link was replaced/);
  });
});
