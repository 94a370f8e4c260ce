/**
 * What the questions panel points at on the canvas: the players (and channels) of the answer
 * under the pointer. A tiny store rather than React state, so that moving from one answer to
 * the next re-renders only the cards and lines whose highlight changes, not every card.
 */
export interface Highlighted {
  players: ReadonlySet<string>;
  channels: ReadonlySet<string>;
}

const NOTHING: Highlighted = { players: new Set(), channels: new Set() };

export class HighlightStore {
  private current = NOTHING;
  private readonly listeners = new Set<() => void>();

  get = (): Highlighted => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Highlights the given players and channels until the returned function is called. That
   * function clears only this highlight: a row left after the next row was entered (or
   * unmounted later) does not switch off the next row's highlight.
   */
  show(players: readonly string[], channels: readonly string[] = []): () => void {
    const shown: Highlighted = { players: new Set(players), channels: new Set(channels) };
    this.set(shown);
    return () => {
      if (this.current === shown) this.set(NOTHING);
    };
  }

  private set(next: Highlighted): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}
