// The project's import graph, read with the TypeScript compiler: every import, export-from,
// dynamic import(), require() and import("…") type of the files under the given folders (and of
// any project file they reach), resolved the way tsc resolves them (tsconfig's `@/` alias
// included). Used by check-imports.mjs; knows nothing about the rules.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;
const SKIPPED_DIRS = new Set(["node_modules", ".next", "generated"]);
const BUILTINS = new Set(builtinModules);

/**
 * @typedef {{ spec: string, line: number, typeOnly: boolean }} Import
 * @typedef {Import & { to: string }} FileEdge           an import of a project file (root-relative path)
 * @typedef {Import & { name: string }} PackageEdge      an import of a package ("zod") or Node module ("node:fs")
 * @typedef {{ files: FileEdge[], packages: PackageEdge[], useClient: boolean }} Node
 */

/** @returns {Map<string, Node>} root-relative path → what it imports, for every file reached from `dirs`. */
export function importGraph(root, dirs) {
  const options = compilerOptions(root);
  const graph = new Map();
  const queue = dirs.flatMap((dir) => listSources(root, dir));
  while (queue.length > 0) {
    const file = queue.pop();
    if (graph.has(file)) continue;
    const node = readNode(root, file, options);
    graph.set(file, node);
    for (const edge of node.files) if (!graph.has(edge.to)) queue.push(edge.to);
  }
  return graph;
}

function compilerOptions(root) {
  const configPath = path.join(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  // The plain-JS scripts import one another; tsc itself never checks them.
  return { ...options, allowJs: true };
}

function listSources(root, dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (SOURCE.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

function readNode(root, file, options) {
  const absolute = path.join(root, file);
  const source = ts.createSourceFile(absolute, readFileSync(absolute, "utf8"), ts.ScriptTarget.Latest, true);
  const node = { files: [], packages: [], useClient: hasUseClient(source) };
  for (const found of importsOf(source)) {
    const resolved = ts.resolveModuleName(found.spec, absolute, options, ts.sys).resolvedModule;
    const target = resolved && !resolved.isExternalLibraryImport ? path.relative(root, resolved.resolvedFileName).split(path.sep) : null;
    if (target !== null && target[0] !== ".." && !target.some((part) => SKIPPED_DIRS.has(part))) {
      node.files.push({ ...found, to: target.join("/") });
    } else if (target?.[0] === "generated") {
      // The generated Prisma clients: named like a package ("generated/sqlite"), not followed.
      node.packages.push({ ...found, name: target.slice(0, 2).join("/") });
    } else if (!found.spec.startsWith(".") && !found.spec.startsWith("@/")) {
      node.packages.push({ ...found, name: packageName(found.spec) });
    }
    // A relative import that resolves to nothing TypeScript reads (a .css file) is no edge.
  }
  return node;
}

/** "zod", "@xyflow/react", "node:fs" (a bare "fs" too), whatever sub-path follows. */
function packageName(spec) {
  if (spec.startsWith("node:")) return spec;
  const parts = spec.split("/");
  const name = spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return BUILTINS.has(name) ? `node:${name}` : name;
}

/** A "use client" directive opens a module the browser runs (Next.js). */
function hasUseClient(source) {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use client") return true;
  }
  return false;
}

/** @returns {Import[]} */
function importsOf(source) {
  const found = [];
  const add = (specifier, typeOnly) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const { line } = source.getLineAndCharacterOfPosition(specifier.getStart(source));
    found.push({ spec: specifier.text, line: line + 1, typeOnly });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, importIsTypeOnly(node.importClause));
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly || allTypeOnly(node.exportClause));
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    else if (ts.isCallExpression(node) && isImportOrRequire(node.expression)) add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(clause) {
  if (!clause) return false; // `import "./x"`: run for its effects
  if (clause.isTypeOnly) return true;
  return clause.name === undefined && allTypeOnly(clause.namedBindings);
}

/** `{ type A, type B }`: every name a type, so nothing is imported at run time. */
function allTypeOnly(bindings) {
  if (bindings === undefined || !(ts.isNamedImports(bindings) || ts.isNamedExports(bindings))) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isImportOrRequire(expression) {
  return expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(expression) && expression.text === "require");
}
