import { describe, expect, it } from "vitest";
import { cpuSeconds, peakRssMB } from "./procStats";
import { firstStructKey } from "./lightClient";
import * as Y from "yjs";

describe("what the benchmark reads", () => {
  it("reads this process's CPU time and peak memory from /proc, growing with work", () => {
    const before = cpuSeconds(process.pid);
    // Work until the kernel has counted 50 ms of CPU (its clock ticks every 10 ms), however
    // slowly a busy machine hands it out; a reader that never grows fails at the deadline.
    const deadline = performance.now() + 30_000;
    let x = 0;
    while (cpuSeconds(process.pid) < before + 0.05 && performance.now() < deadline) for (let i = 0; i < 100_000; i++) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    expect(cpuSeconds(process.pid)).toBeGreaterThanOrEqual(before + 0.05);
    expect(peakRssMB(process.pid)).toBeGreaterThan(10);
  });

  it("names an update by its first struct, as the writer knew it before sending", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    doc.getMap("bench").set("w0", 1);
    const clock = Y.getState(doc.store, doc.clientID);
    doc.getMap("bench").set("w0", 2);
    expect(firstStructKey(updates[1])).toBe(`${doc.clientID}:${clock}`);
    expect(firstStructKey(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull();
  });
});
