/**
 * Graph algorithms over nodes numbered 0..n-1, where `succ[v]` lists the successors of v.
 * Everything is iterative: boards hold up to 5,000 players, which is deeper than a call stack
 * can be trusted to go, and a dense board must never hang the answers panel.
 */

export type Successors = readonly (readonly number[])[];

/**
 * Tarjan's strongly connected components, without recursion. Components come out in reverse
 * topological order: a component is emitted only after every component it reaches.
 */
export function stronglyConnectedComponents(succ: Successors): number[][] {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Each frame is a node and the position of the next successor to look at: the call stack, made explicit.
    const frames: { node: number; next: number }[] = [];
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      frames.push({ node: v, next: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const v = frame.node;
      if (frame.next < succ[v].length) {
        const w = succ[v][frame.next++];
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      frames.pop();
      if (low[v] === index[v]) components.push(popComponent(stack, onStack, v));
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].node;
        low[parent] = Math.min(low[parent], low[v]);
      }
    }
  }
  return components;
}

function popComponent(stack: number[], onStack: Uint8Array, root: number): number[] {
  const component: number[] = [];
  let w: number;
  do {
    w = stack.pop() as number;
    onStack[w] = 0;
    component.push(w);
  } while (w !== root);
  return component.sort((a, b) => a - b);
}

export interface Condensation {
  /** Strongly connected components in topological order, each sorted ascending. */
  components: number[][];
  /** For each node, the index of its component. */
  componentOf: Int32Array;
  /** For each node, the number of steps on the longest path reaching its component. */
  depth: Int32Array;
}

/**
 * Longest-path depth in the DAG of components: the members of a cycle share one depth, which
 * keeps "longest path" well defined and linear-time on any graph.
 */
export function condense(succ: Successors): Condensation {
  const components = stronglyConnectedComponents(succ).reverse();
  const componentOf = new Int32Array(succ.length);
  components.forEach((members, c) => members.forEach((v) => (componentOf[v] = c)));
  const componentDepth = new Int32Array(components.length);
  components.forEach((members, c) => {
    for (const v of members) {
      for (const w of succ[v]) {
        const target = componentOf[w];
        if (target !== c) componentDepth[target] = Math.max(componentDepth[target], componentDepth[c] + 1);
      }
    }
  });
  const depth = new Int32Array(succ.length);
  for (let v = 0; v < succ.length; v++) depth[v] = componentDepth[componentOf[v]];
  return { components, componentOf, depth };
}

/** Every node reachable from the sources (the sources included). */
export function reachableFrom(succ: Successors, sources: readonly number[]): Uint8Array {
  const seen = new Uint8Array(succ.length);
  const queue = [...sources];
  for (const s of sources) seen[s] = 1;
  while (queue.length > 0) {
    const v = queue.pop() as number;
    for (const w of succ[v]) {
      if (!seen[w]) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return seen;
}

export function reverse(succ: Successors): number[][] {
  const pred: number[][] = succ.map(() => []);
  succ.forEach((targets, v) => targets.forEach((w) => pred[w].push(v)));
  return pred;
}

export interface PathSearchLimits {
  /** Stop after this many paths. */
  maxPaths: number;
  /** Stop before the paths hold more than this many nodes in all: long paths make huge answers. */
  maxTotalLength: number;
  /** Stop after this many search steps: on dense cyclic graphs most branches die without a path. */
  maxSteps: number;
}

export interface PathSearch {
  paths: number[][];
  /** True when a limit stopped the search, so more paths may exist. */
  capped: boolean;
}

/**
 * Simple paths (no repeated node, at least one edge) from each source, in order, to any
 * target. With successor lists sorted ascending, paths come out in lexicographic order
 * (depth-first preorder), so a capped search returns the lexicographically first paths.
 * A path ends at the first target it reaches: it never goes on through a target to another
 * one, so each path is one way of reaching a target and no two paths share a journey.
 */
export function simplePaths(
  succ: Successors,
  sources: readonly number[],
  targets: readonly number[],
  limits: PathSearchLimits,
): PathSearch {
  const isTarget = new Uint8Array(succ.length);
  for (const t of targets) isTarget[t] = 1;
  // Branches that cannot reach a target are never entered: on an acyclic graph every step then
  // leads to a path, so the search costs at most (paths × length) steps.
  const useful = reachableFrom(reverse(succ), targets);
  const onPath = new Uint8Array(succ.length);
  const paths: number[][] = [];
  let steps = 0;
  let totalLength = 0;

  for (const source of sources) {
    if (!useful[source]) continue;
    const path = [source];
    const next = [0];
    onPath[source] = 1;
    while (path.length > 0) {
      if (++steps > limits.maxSteps) return { paths, capped: true };
      const top = path.length - 1;
      const v = path[top];
      if (next[top] === succ[v].length) {
        onPath[v] = 0;
        path.pop();
        next.pop();
        continue;
      }
      const w = succ[v][next[top]++];
      if (onPath[w] || !useful[w]) continue;
      if (isTarget[w]) {
        totalLength += path.length + 1;
        if (totalLength > limits.maxTotalLength) return { paths, capped: true };
        paths.push([...path, w]);
        if (paths.length >= limits.maxPaths) return { paths, capped: true };
        continue;
      }
      path.push(w);
      next.push(0);
      onPath[w] = 1;
    }
  }
  return { paths, capped: false };
}
