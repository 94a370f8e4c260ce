import { describe, expect, test } from "vitest";
import { condense, reachableFrom, simplePaths, stronglyConnectedComponents } from "./graph";
import { mulberry32 } from "../../tests/helpers/random";

function randomGraph(seed: number, n: number, density: number): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => Array.from({ length: n }, (_, w) => w).filter(() => random() < density));
}

describe("stronglyConnectedComponents", () => {
  test("puts two nodes in one component exactly when each reaches the other (random graphs)", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const succ = randomGraph(seed, 12, 0.12);
      const reach = succ.map((_, v) => reachableFrom(succ, [v]));
      const componentOf = new Map<number, number>();
      stronglyConnectedComponents(succ).forEach((members, c) => members.forEach((v) => componentOf.set(v, c)));
      for (let v = 0; v < succ.length; v++) {
        for (let w = 0; w < succ.length; w++) {
          const mutual = reach[v][w] === 1 && reach[w][v] === 1;
          expect(componentOf.get(v) === componentOf.get(w), `seed ${seed}: ${v}, ${w}`).toBe(mutual);
        }
      }
    }
  });

  test("handles a chain and a cycle of 5,000 nodes without running out of stack", () => {
    const chain = Array.from({ length: 5000 }, (_, v) => (v < 4999 ? [v + 1] : []));
    expect(stronglyConnectedComponents(chain)).toHaveLength(5000);
    const cycle = Array.from({ length: 5000 }, (_, v) => [(v + 1) % 5000]);
    expect(stronglyConnectedComponents(cycle)).toHaveLength(1);
  });
});

describe("condense", () => {
  test("orders components topologically and gives each node its longest-path depth", () => {
    // 0 → 1 → 2 → 1 (cycle of 1 and 2), 2 → 3, 0 → 3
    const { components, depth } = condense([[1, 3], [2], [1, 3], []]);
    expect(components).toEqual([[0], [1, 2], [3]]);
    expect([...depth]).toEqual([0, 1, 1, 2]);
  });

  test("gives the last node of a 5,000-node chain depth 4,999", () => {
    const chain = Array.from({ length: 5000 }, (_, v) => (v < 4999 ? [v + 1] : []));
    expect(condense(chain).depth[4999]).toBe(4999);
  });
});

describe("simplePaths", () => {
  const limits = { maxPaths: 100, maxTotalLength: 1000, maxSteps: 10_000 };

  test("lists simple paths in lexicographic order, never repeating a node", () => {
    // 0 → 1 → 3, 0 → 2 → 3, 0 → 3, 3 → 0 (back edge: never repeats a node)
    expect(simplePaths([[1, 2, 3], [3], [3], [0]], [0], [3], limits)).toEqual({
      paths: [[0, 1, 3], [0, 2, 3], [0, 3]],
      capped: false,
    });
  });

  test("ends a path at the first target it reaches, never going on through it to another", () => {
    // 0 → 1 → 2, 0 → 2: the path through target 1 stops there.
    expect(simplePaths([[1, 2], [2], []], [0], [1, 2], limits)).toEqual({
      paths: [[0, 1], [0, 2]],
      capped: false,
    });
  });

  test("lets a source that is a target start paths, without coming back to it", () => {
    expect(simplePaths([[1], [0, 2], []], [0], [0, 2], limits)).toEqual({ paths: [[0, 1, 2]], capped: false });
  });

  test("needs at least one step: a source that is a target is not a path by itself", () => {
    expect(simplePaths([[]], [0], [0], limits)).toEqual({ paths: [], capped: false });
  });

  test("stops at the path cap", () => {
    const complete = Array.from({ length: 10 }, (_, v) => Array.from({ length: 10 - v - 1 }, (_, i) => v + i + 1));
    expect(simplePaths(complete, [0], [9], { maxPaths: 5, maxTotalLength: 1000, maxSteps: 10_000 })).toMatchObject({ capped: true, paths: { length: 5 } });
  });

  test("stops before the paths grow longer in total than allowed", () => {
    const fan = [[1, 2, 3], [4], [4], [4], []];
    // Paths [0,1,4], [0,2,4], [0,3,4] hold 3 + 3 + 3 nodes.
    expect(simplePaths(fan, [0], [4], { maxPaths: 100, maxTotalLength: 8, maxSteps: 100 })).toEqual({
      paths: [
        [0, 1, 4],
        [0, 2, 4],
      ],
      capped: true,
    });
  });

  test("stops at the step budget", () => {
    const complete = Array.from({ length: 10 }, (_, v) => Array.from({ length: 10 }, (_, w) => w).filter((w) => w !== v));
    const result = simplePaths(complete, [0], [9], { maxPaths: 1_000_000, maxTotalLength: 1_000_000, maxSteps: 1000 });
    expect(result.capped).toBe(true);
    expect(result.paths.length).toBeGreaterThan(0);
  });
});
