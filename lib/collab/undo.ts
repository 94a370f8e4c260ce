/**
 * Undo that never harms another person's work. Y.UndoManager already reverts only this
 * browser's own changes, character by character in a Y.Text, so undo after a typing race
 * removes exactly what this person typed. What it would still do is delete a player or
 * channel whose creation is undone even when someone else has since edited it (renamed it,
 * typed its reasons, drew a channel to it). `createUndo` keeps such a player or channel and
 * reports it, so the page can say why it stayed.
 */
import * as Y from "yjs";
import { channelsOf, metaOf, playersOf } from "./boardDoc";
import { framesOf, notesOf } from "./discussionDoc";

/** What one undo or redo did not delete because someone else had worked on it since. */
export interface KeptEntity {
  kind: "player" | "channel";
  id: string;
  /** Yjs client ids of the people whose work it holds (awareness ids in y-websocket). */
  by: number[];
}

export interface BoardUndo {
  manager: Y.UndoManager;
  /** Undoes this person's last step; returns what it kept for others' sake. */
  undo(): KeptEntity[];
  redo(): KeptEntity[];
  /** Ends the current step: the next change starts a new one (words, drags, commands). */
  stopCapturing(): void;
  /**
   * While typing in a text field, steps end where words end (the field ends them), not after
   * a pause: a slow typist or a busy machine would otherwise undo half a word.
   */
  typing(on: boolean): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Tells `listener` whenever an undo or redo kept something; returns the unsubscribe. */
  onKept(listener: (kept: KeptEntity[]) => void): () => void;
  destroy(): void;
}

/** Changes within this interval merge into one step (a drag, a burst of clicks). */
const CAPTURE_TIMEOUT_MS = 400;
/** While typing, only word ends and leaving the field end a step (and a very long pause). */
const TYPING_CAPTURE_TIMEOUT_MS = 60_000;

/** Every client id that wrote an item in `type` or anywhere below it, deleted items included. */
function authorsIn(type: Y.AbstractType<unknown>, into: Set<number>): Set<number> {
  const visit = (item: Y.Item | null) => {
    for (let it = item; it; it = it.right) {
      into.add(it.id.client);
      if (it.content instanceof Y.ContentType) authorsIn(it.content.type as Y.AbstractType<unknown>, into);
    }
  };
  visit(type._start);
  // A map keeps only each key's latest item in _map; older values sit to its left.
  type._map.forEach((latest) => {
    for (let it: Y.Item | null = latest; it; it = it.left) {
      into.add(it.id.client);
      if (it.content instanceof Y.ContentType) authorsIn(it.content.type as Y.AbstractType<unknown>, into);
    }
  });
  return into;
}

/** The player or channel map that `item` is, or lies in; null for anything else. */
function entityOf(doc: Y.Doc, item: Y.Item): { kind: KeptEntity["kind"]; id: string; item: Y.Item } | null {
  const players = playersOf(doc);
  const channels = channelsOf(doc);
  for (let it: Y.Item | null = item; it; it = (it.parent as Y.AbstractType<unknown>)._item) {
    const parent = it.parent as Y.AbstractType<unknown>;
    if (it.parentSub === null) continue;
    if (parent === players) return { kind: "player", id: it.parentSub, item: it };
    if (parent === channels) return { kind: "channel", id: it.parentSub, item: it };
  }
  return null;
}

/** Others who worked on the entity: wrote in it, or (for a player) drew a channel to or from it. */
function othersWorkOn(doc: Y.Doc, entity: { kind: KeptEntity["kind"]; id: string; item: Y.Item }): number[] {
  const authors = new Set<number>();
  if (entity.item.content instanceof Y.ContentType) authorsIn(entity.item.content.type as Y.AbstractType<unknown>, authors);
  if (entity.kind === "player") {
    channelsOf(doc)._map.forEach((item, id) => {
      if (item.deleted) return;
      const channel = channelsOf(doc).get(id);
      if (channel instanceof Y.Map && (channel.get("from") === entity.id || channel.get("to") === entity.id)) authors.add(item.id.client);
    });
  }
  authors.delete(doc.clientID);
  return [...authors].sort((a, b) => a - b);
}

export function createUndo(doc: Y.Doc): BoardUndo {
  /** Decided once per entity and step, then kept for every item inside it. */
  let verdicts = new Map<Y.Item, KeptEntity | null>();
  let kept: KeptEntity[] = [];

  const manager = new Y.UndoManager([metaOf(doc), playersOf(doc), channelsOf(doc), notesOf(doc), framesOf(doc)], {
    captureTimeout: CAPTURE_TIMEOUT_MS,
    deleteFilter: (item) => {
      const entity = entityOf(doc, item);
      if (!entity) return true;
      // Only a step that deletes the whole player or channel is a question; a step that
      // removes one of its fields or characters just undoes that edit.
      if (entity.item.deleted || !willDelete(entity.item)) return true;
      if (!verdicts.has(entity.item)) {
        const by = othersWorkOn(doc, entity);
        const verdict = by.length ? { kind: entity.kind, id: entity.id, by } : null;
        verdicts.set(entity.item, verdict);
        if (verdict) kept.push(verdict);
      }
      return verdicts.get(entity.item) === null;
    },
  });

  /**
   * The stack being undone or redone, and a copy of it from before. Y.UndoManager pops one step
   * and, when that step changed nothing (everything in it kept), pops the next in the same
   * call; the step in progress is the one at the live stack's length in the copy.
   */
  let active: { live: readonly { insertions: Parameters<typeof Y.isDeleted>[0] }[]; before: readonly { insertions: Parameters<typeof Y.isDeleted>[0] }[] } | null = null;
  const willDelete = (entityItem: Y.Item) => {
    const step = active?.before[active.live.length];
    return step !== undefined && Y.isDeleted(step.insertions, entityItem.id);
  };

  const listeners = new Set<(kept: KeptEntity[]) => void>();
  const run = (stack: "undo" | "redo"): KeptEntity[] => {
    const items = stack === "undo" ? manager.undoStack : manager.redoStack;
    active = { live: items, before: [...items] };
    verdicts = new Map();
    kept = [];
    try {
      if (stack === "undo") manager.undo();
      else manager.redo();
    } finally {
      active = null;
    }
    const result = kept;
    if (result.length) for (const listener of listeners) listener(result);
    return result;
  };

  return {
    manager,
    undo: () => run("undo"),
    redo: () => run("redo"),
    stopCapturing: () => manager.stopCapturing(),
    typing: (on) => {
      manager.captureTimeout = on ? TYPING_CAPTURE_TIMEOUT_MS : CAPTURE_TIMEOUT_MS;
    },
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    onKept: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => {
      listeners.clear();
      manager.destroy();
    },
  };
}
