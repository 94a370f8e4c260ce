// `node scripts/check-imports.mjs`: fails on an import cycle or on an import that crosses a layer
// the wrong way (docs/ARCHITECTURE.md), printing each problem as the chain of files and lines
// that makes it. `npm test` runs it beside the type check.
//
// Type-only imports count like any other: a cycle of types still ties the modules together
// (neither can move or be read alone), and a browser module that names a server type depends
// on the server's file even though the bundle drops it. Test files may reach anything.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importGraph } from "./import-graph.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIRS = ["app", "components", "lib", "server", "scripts", "bench"];

/** What the pure domain may use besides itself. */
const DOMAIN_PACKAGES = new Set(["zod", "@dagrejs/dagre"]);

const isTest = (file) => /\.(test|spec)\.[cm]?tsx?$/.test(file) || file.startsWith("tests/");
const under = (file, ...dirs) => dirs.some((dir) => file.startsWith(`${dir}/`));

/**
 * Each rule: which files it watches (`from`), which project files (`file(path)`) or packages
 * (`pkg(edge, importer)`) they must not import, and whether reaching a forbidden file through
 * other files counts too (`transitive`).
 */
const RULES = [
  {
    says: 'browser code (components/, and app/ files marked "use client") must not reach server/',
    from: (file, node) => under(file, "components") || (under(file, "app") && node.useClient),
    file: (to) => under(to, "server"),
    transitive: true,
  },
  {
    says: "lib/ must not import components/, app/ or server/",
    from: (file) => under(file, "lib"),
    file: (to) => under(to, "components", "app", "server"),
  },
  {
    says: `lib/valuechain/ (the pure domain) imports only itself, ${[...DOMAIN_PACKAGES].join(" and ")}: no React, Next, Yjs or Node I/O`,
    from: (file) => under(file, "lib/valuechain"),
    file: (to) => !under(to, "lib/valuechain"),
    pkg: (edge) => !DOMAIN_PACKAGES.has(edge.name),
  },
  {
    says: "lib/ runs without React: no react, react-dom or next, and React Flow only as types in lib/canvas/",
    from: (file) => under(file, "lib"),
    pkg: (edge, file) => ["react", "react-dom", "next"].includes(edge.name) || (edge.name === "@xyflow/react" && !(under(file, "lib/canvas") && edge.typeOnly)),
  },
  {
    says: "shipped code (app/, components/, lib/, server/) must not import tests/ (its helpers are test code)",
    from: (file) => under(file, "app", "components", "lib", "server"),
    file: (to) => under(to, "tests"),
  },
  {
    says: "server/collab/ (the collaboration engine) must not import the features that plug into it as hooks: server/boards, versions, workshop, scale",
    from: (file) => under(file, "server/collab") && !isTest(file),
    file: (to) => under(to, "server/boards", "server/versions", "server/workshop", "server/scale"),
    transitive: true,
  },
  {
    says: "server/ must not import components/ or app/ (the UI)",
    from: (file) => under(file, "server"),
    file: (to) => under(to, "components", "app"),
    transitive: true,
  },
];

const graph = importGraph(root, DIRS);
const problems = [...findCycles(graph).map(describeCycle), ...RULES.flatMap((rule) => ruleProblems(graph, rule))];
const imports = [...graph.values()].reduce((n, node) => n + node.files.length + node.packages.length, 0);
if (problems.length === 0) {
  console.log(`check-imports: ${graph.size} files, ${imports} imports: no cycle, no layer crossed (docs/ARCHITECTURE.md)`);
} else {
  console.error(`check-imports: ${problems.length} problem${problems.length === 1 ? "" : "s"} (layers: docs/ARCHITECTURE.md)\n`);
  console.error(problems.join("\n\n"));
  process.exitCode = 1;
}

/** One line per import: `a.ts:12 → b.ts`, marked when only types are imported. */
function hop(from, edge) {
  return `  ${from}:${edge.line} → ${edge.to ?? edge.name}${edge.typeOnly ? "  (import type)" : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Layers

/**
 * Every forbidden import the watched files make, directly or (for transitive rules) through
 * other files: once per offending import, with the shortest chain that leads to it.
 */
function ruleProblems(graph, rule) {
  const shortest = new Map();
  for (const [file, node] of graph) {
    if (isTest(file) || !rule.from(file, node)) continue;
    for (const chain of forbiddenChains(graph, rule, file)) {
      const last = chain[chain.length - 1];
      const key = `${last.from}:${last.edge.line}`;
      if ((shortest.get(key)?.length ?? Infinity) > chain.length) shortest.set(key, chain);
    }
  }
  return [...shortest.keys()].sort().map((key) => `${rule.says}:\n${shortest.get(key).map((step) => hop(step.from, step.edge)).join("\n")}`);
}

/** Breadth first from `start`, so each chain printed is a shortest one. */
function forbiddenChains(graph, rule, start) {
  const chains = [];
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  const chainTo = (file, edge) => {
    const steps = [{ from: file, edge }];
    for (let at = cameFrom.get(file); at !== null; at = cameFrom.get(at.from)) steps.unshift(at);
    return steps;
  };
  while (queue.length > 0) {
    const file = queue.shift();
    const node = graph.get(file);
    for (const edge of node.packages) if (rule.pkg?.(edge, file)) chains.push(chainTo(file, edge));
    for (const edge of node.files) {
      if (rule.file?.(edge.to)) chains.push(chainTo(file, edge));
      else if (rule.transitive && !cameFrom.has(edge.to) && !isTest(edge.to)) {
        cameFrom.set(edge.to, { from: file, edge });
        queue.push(edge.to);
      }
    }
  }
  return chains;
}

// ---------------------------------------------------------------------------------------------
// Cycles

/** The strongly connected components with a cycle in them (Tarjan), each as a sorted list of files. */
function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (file) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const { to } of graph.get(file).files) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file), low.get(to)));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file), index.get(to)));
    }
    if (low.get(file) !== index.get(file)) return;
    const members = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      members.push(member);
    } while (member !== file);
    const selfLoop = graph.get(file).files.some((e) => e.to === file);
    if (members.length > 1 || selfLoop) components.push(members.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.map((members) => ({ members, chain: shortestLoop(graph, members) }));
}

/** The shortest way from the component's first file back to itself, staying inside the component. */
function shortestLoop(graph, members) {
  const inside = new Set(members);
  const start = members[0];
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const edge of graph.get(file).files) {
      if (!inside.has(edge.to) || cameFrom.has(edge.to)) continue;
      cameFrom.set(edge.to, { from: file, edge });
      if (edge.to === start) {
        const steps = [];
        for (let at = cameFrom.get(start); ; at = cameFrom.get(at.from)) {
          steps.unshift(at);
          if (at.from === start) return steps;
        }
      }
      queue.push(edge.to);
    }
  }
  throw new Error(`no loop through ${start}`);
}

function describeCycle({ members, chain }) {
  const more = members.length > chain.length ? `; ${members.length} files import one another in all: ${members.join(", ")}` : "";
  return `import cycle (${chain.length} file${chain.length === 1 ? "" : "s"}${more}):\n${chain.map((step) => hop(step.from, step.edge)).join("\n")}`;
}
