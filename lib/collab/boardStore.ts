/**
 * The plain board of a live document, kept current incrementally. readBoard re-reads every
 * player and channel; on a board of a thousand players that is milliseconds per change, and a
 * drag changes the document thirty times a second. The store re-reads only the players and
 * channels a change touched, keeps every other object as it was (so memoised views skip
 * them), and tells apart changes of positions only, which most of the page does not show.
 *
 * Changes made in this browser are read at once (a field being typed into or a drag that ends
 * never shows a stale value); other people's are gathered and read once per animation frame.
 */
import * as Y from "yjs";
import type { Board, Channel, Player } from "../valuechain/model";
import { channelsOf, metaOf, playersOf, readChannel, readPlayer, readTitle } from "./boardDoc";
import { commentsOf, framesOf, notesOf, readDiscussion } from "./discussionDoc";

export interface BoardSnapshot {
  /** Everything, positions included: what the canvas draws. */
  board: Board;
  /**
   * The board as of its last change of anything but positions: the same object while only
   * players move, so panels and answers that never show positions do not re-render for a drag.
   */
  content: Board;
}

type Schedule = (flush: () => void) => () => void;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const POSITION_KEYS = new Set(["x", "y"]);

/** Frames where there are frames, a macrotask elsewhere (tests, workers). */
const nextFrame: Schedule = (flush) => {
  if (typeof requestAnimationFrame === "function") {
    const id = requestAnimationFrame(flush);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(flush, 16);
  return () => clearTimeout(id);
};

export class BoardStore {
  private snapshot: BoardSnapshot;
  private readonly players = new Map<string, Player>();
  private readonly channels = new Map<string, Channel>();
  private readonly dirtyPlayers = new Set<string>();
  private readonly dirtyChannels = new Set<string>();
  private titleDirty = false;
  private contentDirty = false;
  /** Notes, frames and threads are few: any change to them re-reads them all. */
  private discussion: ReturnType<typeof readDiscussion>;
  private discussionDirty = false;
  private cancelFrame: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly shared: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>[];

  constructor(
    private readonly doc: Y.Doc,
    private readonly schedule: Schedule = nextFrame,
  ) {
    playersOf(doc).forEach((m, id) => m instanceof Y.Map && this.players.set(id, readPlayer(id, m)));
    channelsOf(doc).forEach((m, id) => m instanceof Y.Map && this.channels.set(id, readChannel(id, m)));
    this.discussion = readDiscussion(doc);
    const board = { title: readTitle(doc), players: [...this.players.values()].sort(byId), channels: [...this.channels.values()].sort(byId), ...this.discussion };
    this.snapshot = { board, content: board };
    this.shared = [metaOf(doc), playersOf(doc), channelsOf(doc), notesOf(doc), framesOf(doc), commentsOf(doc)] as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>[];
    for (const type of this.shared) type.observeDeep(this.onChange);
  }

  get = (): BoardSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    for (const type of this.shared) type.unobserveDeep(this.onChange);
    this.cancelFrame?.();
    this.listeners.clear();
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const players = playersOf(this.doc) as unknown as Y.AbstractType<unknown>;
    const channels = channelsOf(this.doc) as unknown as Y.AbstractType<unknown>;
    const discussion = [notesOf(this.doc), framesOf(this.doc), commentsOf(this.doc)] as unknown as Y.AbstractType<unknown>[];
    for (const event of events) {
      const [first] = event.path;
      if (discussion.some((root) => isInside(event.target as Y.AbstractType<unknown>, root))) {
        this.discussionDirty = true;
        const onlyMoved = event.path.length === 1 && event instanceof Y.YMapEvent && [...event.keysChanged].every((k) => POSITION_KEYS.has(k));
        if (!onlyMoved) this.contentDirty = true;
      } else if ((event.target as Y.AbstractType<unknown>) === players || (event.target as Y.AbstractType<unknown>) === channels) {
        const dirty = (event.target as Y.AbstractType<unknown>) === players ? this.dirtyPlayers : this.dirtyChannels;
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) dirty.add(key);
        this.contentDirty = true;
      } else if (typeof first === "string" && isInside(event.target as Y.AbstractType<unknown>, players)) {
        this.dirtyPlayers.add(first);
        const onlyMoved = event.path.length === 1 && event instanceof Y.YMapEvent && [...event.keysChanged].every((k) => POSITION_KEYS.has(k));
        if (!onlyMoved) this.contentDirty = true;
      } else if (typeof first === "string" && isInside(event.target as Y.AbstractType<unknown>, channels)) {
        this.dirtyChannels.add(first);
        this.contentDirty = true;
      } else {
        // The meta map, or text inside it: the title is the only thing read from it.
        this.titleDirty = true;
        this.contentDirty = true;
      }
    }
    if (transaction.local) {
      this.cancelFrame?.();
      this.flush();
    } else if (!this.cancelFrame) {
      this.cancelFrame = this.schedule(() => this.flush());
    }
  };

  /** Re-reads what changed and publishes a new snapshot (keeping every unchanged object). */
  flush(): void {
    this.cancelFrame = null;
    if (!this.dirtyPlayers.size && !this.dirtyChannels.size && !this.titleDirty && !this.discussionDirty) return;
    const before = this.snapshot.board;
    const discussionChanged = this.discussionDirty;
    if (discussionChanged) this.discussion = readDiscussion(this.doc);
    this.discussionDirty = false;
    const players = this.reread(this.dirtyPlayers, this.players, playersOf(this.doc), readPlayer, before.players);
    const channels = this.reread(this.dirtyChannels, this.channels, channelsOf(this.doc), readChannel, before.channels);
    const title = this.titleDirty ? readTitle(this.doc) : before.title;
    this.titleDirty = false;
    if (players === before.players && channels === before.channels && title === before.title && !discussionChanged) {
      this.contentDirty = false;
      return;
    }
    const board: Board = { title, players, channels, ...this.discussion };
    this.snapshot = { board, content: this.contentDirty ? board : this.snapshot.content };
    this.contentDirty = false;
    for (const listener of this.listeners) listener();
  }

  private reread<T extends { id: string }>(
    dirty: Set<string>,
    cache: Map<string, T>,
    map: Y.Map<Y.Map<unknown>>,
    read: (id: string, m: Y.Map<unknown>) => T,
    previous: T[],
  ): T[] {
    if (!dirty.size) return previous;
    let membershipChanged = false;
    const replaced = new Map<string, T>();
    for (const id of dirty) {
      const m = map.get(id);
      const had = cache.has(id);
      if (m instanceof Y.Map) {
        const next = read(id, m);
        const old = cache.get(id);
        if (old && sameFields(old, next)) continue;
        cache.set(id, next);
        if (had) replaced.set(id, next);
        else membershipChanged = true;
      } else if (had) {
        cache.delete(id);
        membershipChanged = true;
      }
    }
    dirty.clear();
    if (membershipChanged) return [...cache.values()].sort(byId);
    if (!replaced.size) return previous;
    return previous.map((item) => replaced.get(item.id) ?? item);
  }
}

/** Whether `type` is `root` or lies anywhere below it. */
function isInside(type: Y.AbstractType<unknown>, root: Y.AbstractType<unknown>): boolean {
  for (let t: Y.AbstractType<unknown> | null = type; t; t = (t._item?.parent as Y.AbstractType<unknown> | undefined) ?? null) {
    if (t === root) return true;
  }
  return false;
}

/** Players and channels are flat records of primitives, aliases the one array. */
function sameFields<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(b) as (keyof T)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}
