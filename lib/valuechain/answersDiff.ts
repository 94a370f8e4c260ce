/**
 * How the answers to the eight questions changed between two versions of a board, one change
 * per line a leader reads ("Parallel channels: 3 → 4 (+ …)"). The warnings are left out.
 *
 * It reads like the board: question 1 is every player by name and kind, so a player renamed,
 * given another kind or called by other names is a changed answer too (one line per player,
 * never cut short), not only a mark on the canvas.
 */
import { analyzeBoard, type Answers } from "./answers";
import { matchById } from "./matchById";
import { KIND_LABELS } from "./labels";
import { compareIds, PLAYER_KINDS, shownName, type Board, type Player, type PlayerKind } from "./model";

/** The eight questions (plus the undecided players), in the order the panel asks them. */
export type AnswerQuestion = "players" | "consumers" | "starts" | "us" | "customers" | "nonCustomers" | "undecided" | "why" | "channels";

export interface AnswerChange {
  question: AnswerQuestion;
  before: string;
  after: string;
  /** One line for people, e.g. "Parallel channels: 3 → 4". */
  summary: string;
}

/** How many names a summary lists before it says "and N more". */
const SUMMARY_ITEMS = 5;

type NameOf = (id: string) => string;

/** Names as the newer board has them; players that were removed keep their old name. */
function nameLookup(a: Board, b: Board): NameOf {
  const names = new Map<string, string>();
  for (const p of [...a.players, ...b.players]) names.set(p.id, shownName(p));
  return (id) => names.get(id) ?? id;
}

/** The answers of `b` against those of `a`, in the order the panel asks the questions. */
export function diffAnswers(a: Board, b: Board): AnswerChange[] {
  const before = analyzeBoard(a, { warnings: false });
  const after = analyzeBoard(b, { warnings: false });
  const nameOf = nameLookup(a, b);
  const kept = matchById(a.players, b.players).kept;
  return [
    ...playersChange(before, after, nameOf),
    ...kept.flatMap(([old, now]) => playerRevision(old, now)),
    ...listChange("consumers", "Consumers", before.consumers, after.consumers, nameOf),
    ...listChange("starts", "Starts", before.starts, after.starts, nameOf),
    ...usChange(before, after, nameOf),
    ...listChange("customers", "Customers", before.customers.map((c) => c.id), after.customers.map((c) => c.id), nameOf),
    ...listChange("nonCustomers", "Not customers", before.nonCustomers.map((c) => c.id), after.nonCustomers.map((c) => c.id), nameOf),
    ...listChange("undecided", "Undecided", before.undecided, after.undecided, nameOf),
    ...whyChanges(before, after, nameOf),
    ...channelsChange(before, after, nameOf),
  ];
}

function playersChange(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const kindsBefore = kindById(before);
  const kindsAfter = kindById(after);
  const parts = [
    ...[...kindsAfter.keys()].filter((id) => !kindsBefore.has(id)).map((id) => `+ ${nameOf(id)}`),
    ...[...kindsBefore.keys()].filter((id) => !kindsAfter.has(id)).map((id) => `− ${nameOf(id)}`),
  ];
  if (parts.length === 0) return [];
  return [{ question: "players", before: countOf(kindsBefore.size, "player"), after: countOf(kindsAfter.size, "player"), summary: `Players: ${limited(parts)}` }];
}

/**
 * A player in both versions whose name, kind or other names changed, as one line led by its
 * name now: "Architect practice: renamed from Architect; Specifier → Installer; also called Arch".
 */
function playerRevision(before: Player, after: Player): AnswerChange[] {
  const oldName = shownName(before);
  const newName = shownName(after);
  const oldAliases = new Set(before.aliases);
  const newAliases = new Set(after.aliases);
  const added = after.aliases.filter((alias) => !oldAliases.has(alias));
  const dropped = before.aliases.filter((alias) => !newAliases.has(alias));
  const details = [
    ...(oldName !== newName ? [`renamed from ${oldName}`] : []),
    ...(before.kind !== after.kind ? [`${KIND_LABELS[before.kind]} → ${KIND_LABELS[after.kind]}`] : []),
    ...(added.length > 0 ? [`also called ${added.join(", ")}`] : []),
    ...(dropped.length > 0 ? [`no longer called ${dropped.join(", ")}`] : []),
  ];
  if (details.length === 0) return [];
  return [{ question: "players", before: describePlayer(before), after: describePlayer(after), summary: `${newName}: ${details.join("; ")}` }];
}

/** "Dealer (Retailer / dealer, also called Reseller)": what question 1 says about one player. */
function describePlayer(p: Player): string {
  const also = p.aliases.length > 0 ? `, also called ${p.aliases.join(", ")}` : "";
  return `${shownName(p)} (${KIND_LABELS[p.kind]}${also})`;
}

/** Player id → kind, sorted by id. */
function kindById(answers: Answers): Map<string, PlayerKind> {
  const pairs = PLAYER_KINDS.flatMap((kind) => (answers.players[kind] ?? []).map((id): [string, PlayerKind] => [id, kind]));
  return new Map(pairs.sort((x, y) => compareIds(x[0], y[0])));
}

function listChange(question: AnswerQuestion, label: string, before: string[], after: string[], nameOf: NameOf): AnswerChange[] {
  const old = new Set(before);
  const now = new Set(after);
  const parts = [...after.filter((id) => !old.has(id)).map((id) => `+ ${nameOf(id)}`), ...before.filter((id) => !now.has(id)).map((id) => `− ${nameOf(id)}`)];
  if (parts.length === 0) return [];
  return [{ question, before: namesOrNone(before, nameOf), after: namesOrNone(after, nameOf), summary: `${label}: ${limited(parts)}` }];
}

function usChange(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const old = before.us;
  const now = after.us;
  if (old?.id === now?.id && old?.stage === now?.stage && old?.stages === now?.stages) return [];
  const stage = (us: Answers["us"]) => (us === null ? "not marked" : `stage ${us.stage} of ${us.stages}`);
  const place = (us: Answers["us"]) => (us === null ? "not marked" : `${nameOf(us.id)}, ${stage(us)}`);
  const summary = old !== null && now !== null && old.id === now.id ? `${stage(old)} → ${stage(now)}` : `${place(old)} → ${place(now)}`;
  return [{ question: "us", before: place(old), after: place(now), summary: `Where we are: ${summary}` }];
}

/** A reason rewritten for a player who is a customer (or not) in both versions. */
function whyChanges(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const old = new Map([...before.customers, ...before.nonCustomers].map((r) => [r.id, r.why]));
  return [...after.customers, ...after.nonCustomers]
    .filter((r) => old.has(r.id) && old.get(r.id) !== r.why)
    .sort((x, y) => compareIds(x.id, y.id))
    .map((r) => {
      const was = old.get(r.id) as string;
      return { question: "why" as const, before: was, after: r.why, summary: `Why ${nameOf(r.id)}: ${quoted(was)} → ${quoted(r.why)}` };
    });
}

function channelsChange(before: Answers, after: Answers, nameOf: NameOf): AnswerChange[] {
  const route = (path: string[]) => path.map(nameOf).join(" → ");
  const old = new Set(before.channels.paths.map((p) => p.join("\n")));
  const now = new Set(after.channels.paths.map((p) => p.join("\n")));
  const parts = [
    ...after.channels.paths.filter((p) => !old.has(p.join("\n"))).map((p) => `+ ${route(p)}`),
    ...before.channels.paths.filter((p) => !now.has(p.join("\n"))).map((p) => `− ${route(p)}`),
  ];
  const count = (answers: Answers) => `${answers.channels.count}${answers.channels.capped ? "+" : ""}`;
  if (parts.length === 0 && count(before) === count(after)) return [];
  const head = count(before) === count(after) ? `still ${count(after)}` : `${count(before)} → ${count(after)}`;
  const routes = parts.length > 0 ? ` (${limited(parts, 3)})` : "";
  return [{ question: "channels", before: count(before), after: count(after), summary: `Parallel channels: ${head}${routes}` }];
}

function namesOrNone(ids: string[], nameOf: NameOf): string {
  return ids.length === 0 ? "none" : ids.map(nameOf).join(", ");
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function quoted(text: string): string {
  return text.trim() === "" ? "(no reason)" : `“${text}”`;
}

function limited(parts: string[], max = SUMMARY_ITEMS): string {
  if (parts.length <= max) return parts.join(", ");
  return `${parts.slice(0, max).join(", ")} and ${parts.length - max} more`;
}
