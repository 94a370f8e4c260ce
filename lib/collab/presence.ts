/**
 * Who else is on the board, as y-protocols awareness carries it. The local state of every
 * browser is
 *   { user: { name, fn, color }, cursor: { x, y } | null, selection: string[],
 *     viewport: { x, y, zoom, width?, height? } | null, editing: string | null }
 * where `editing` names the free-text field the person is typing in (fieldKey).
 * with the cursor in flow coordinates and the viewport as the React Flow transform (plus the
 * pane size, so a follower can centre on the same spot whatever its own window size).
 * Any client can publish anything, so every field is validated before the UI uses it.
 * No React, no Yjs: plain data in, plain data out.
 */
import { PARTICIPANT_FUNCTIONS, type ParticipantFunction } from "../valuechain/rounds";

export interface Identity {
  name: string;
  fn: ParticipantFunction;
}

export interface PresenceUser {
  name: string;
  fn: string;
  color: string;
}

export interface FlowPoint {
  x: number;
  y: number;
}

export interface PresenceViewport {
  x: number;
  y: number;
  zoom: number;
  width?: number;
  height?: number;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  cursor: FlowPoint | null;
  selection: string[];
  viewport: PresenceViewport | null;
  editing: string | null;
}

/** The presence name of one free-text field: "title", or "<player or channel id>/<field>". */
export function fieldKey(target: { id: string; field: string } | "title"): string {
  return target === "title" ? "title" : `${target.id}/${target.field}`;
}

/** The person whose view this browser follows. */
export interface FollowTarget {
  clientId: number;
  name: string;
  color: string;
}

/** Someone else's selection of a player or channel, as drawn on the canvas. */
export interface RemoteSelector {
  name: string;
  color: string;
}

/** Ten hues far enough apart to tell people apart, each dark enough for white text on top. */
const PRESENCE_COLORS = [
  "#e11d48",
  "#ea580c",
  "#b45309",
  "#65a30d",
  "#059669",
  "#0891b2",
  "#2563eb",
  "#7c3aed",
  "#c026d3",
  "#475569",
] as const;

const MAX_NAME = 60;
const MAX_SELECTION = 1000;
const MAX_FIELD_KEY = 200;

/** The same name gets the same colour in every browser, without anyone choosing one. */
export function colorForName(name: string): string {
  let hash = 2166136261;
  for (const ch of name.trim().toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 16777619);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length];
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join("") || "?";
}

export function presenceUser(identity: Identity): PresenceUser {
  return { name: identity.name, fn: identity.fn, color: colorForName(identity.name) };
}

export function isParticipantFunction(v: unknown): v is ParticipantFunction {
  return typeof v === "string" && (PARTICIPANT_FUNCTIONS as readonly string[]).includes(v);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function readUser(v: unknown): PresenceUser | null {
  if (!isRecord(v) || typeof v.name !== "string") return null;
  const name = v.name.trim().slice(0, MAX_NAME);
  if (!name) return null;
  const fn = typeof v.fn === "string" ? v.fn.slice(0, MAX_NAME) : "";
  const color = typeof v.color === "string" && /^#[0-9a-f]{6}$/i.test(v.color) ? v.color : colorForName(name);
  return { name, fn, color };
}

function readPoint(v: unknown): FlowPoint | null {
  return isRecord(v) && finite(v.x) && finite(v.y) ? { x: v.x, y: v.y } : null;
}

function readViewport(v: unknown): PresenceViewport | null {
  if (!isRecord(v) || !finite(v.x) || !finite(v.y) || !finite(v.zoom) || v.zoom <= 0) return null;
  const viewport: PresenceViewport = { x: v.x, y: v.y, zoom: v.zoom };
  if (finite(v.width) && finite(v.height) && v.width > 0 && v.height > 0) {
    viewport.width = v.width;
    viewport.height = v.height;
  }
  return viewport;
}

/** One awareness entry as a peer, or null when it has no usable identity yet. */
export function readPeer(clientId: number, state: unknown): Peer | null {
  if (!isRecord(state)) return null;
  const user = readUser(state.user);
  if (!user) return null;
  const selection = Array.isArray(state.selection)
    ? state.selection.filter((id): id is string => typeof id === "string").slice(0, MAX_SELECTION)
    : [];
  const editing = typeof state.editing === "string" && state.editing.length <= MAX_FIELD_KEY ? state.editing : null;
  return { clientId, user, cursor: readPoint(state.cursor), selection, viewport: readViewport(state.viewport), editing };
}

/** Every peer with an identity, ordered by client id so lists do not reshuffle. */
export function readPeers(states: ReadonlyMap<number, unknown>): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const peer = readPeer(clientId, state);
    if (peer) peers.push(peer);
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

/** Player or channel id → the other people who have it selected. */
export function remoteSelections(peers: readonly Peer[], selfId: number): Map<string, RemoteSelector[]> {
  const byId = new Map<string, RemoteSelector[]>();
  for (const peer of peers) {
    if (peer.clientId === selfId) continue;
    for (const id of new Set(peer.selection)) {
      const list = byId.get(id) ?? [];
      list.push({ name: peer.user.name, color: peer.user.color });
      byId.set(id, list);
    }
  }
  return byId;
}

/** Field key → the other people typing in that field. */
export function remoteEditors(peers: readonly Peer[], selfId: number): Map<string, RemoteSelector[]> {
  const byField = new Map<string, RemoteSelector[]>();
  for (const peer of peers) {
    if (peer.clientId === selfId || !peer.editing) continue;
    const list = byField.get(peer.editing) ?? [];
    list.push({ name: peer.user.name, color: peer.user.color });
    byField.set(peer.editing, list);
  }
  return byField;
}

export function sameSelectors(a: readonly RemoteSelector[], b: readonly RemoteSelector[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i].name && s.color === b[i].color);
}

export function sameRemoteSelections(a: ReadonlyMap<string, readonly RemoteSelector[]>, b: ReadonlyMap<string, readonly RemoteSelector[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, list] of a) {
    const other = b.get(id);
    if (!other || !sameSelectors(list, other)) return false;
  }
  return true;
}

export function sameViewport(a: PresenceViewport | null, b: PresenceViewport | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;
}

/**
 * The transform that shows a follower what the leader sees: same zoom, same flow point at the
 * centre of the pane (top-left alignment when the leader's pane size is unknown).
 */
export function followViewport(leader: PresenceViewport, pane: { width: number; height: number }): { x: number; y: number; zoom: number } {
  if (leader.width === undefined || leader.height === undefined) return { x: leader.x, y: leader.y, zoom: leader.zoom };
  const centreX = (leader.width / 2 - leader.x) / leader.zoom;
  const centreY = (leader.height / 2 - leader.y) / leader.zoom;
  return { x: pane.width / 2 - centreX * leader.zoom, y: pane.height / 2 - centreY * leader.zoom, zoom: leader.zoom };
}
