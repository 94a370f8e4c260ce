/**
 * What the board tells the user about their edits, derived from the server's SAVED
 * acknowledgements (R-SAVED), never from guesses:
 *   saved       every local change is committed to the server's database
 *   saving      connected, some local change not yet acknowledged
 *   connecting  first connection or reconnecting after a drop
 *   offline     no connection; local changes are kept in this browser (IndexedDB)
 *   refused     the server closed the connection for good (link replaced, board too large…);
 *               `problem` says why, local changes stay in this browser
 */
export type SaveState = "saved" | "saving" | "connecting" | "offline" | "refused";

export interface SaveStatus {
  state: SaveState;
  /** Local changes not yet acknowledged by the server. */
  unsaved: boolean;
  /** Has the connection ever been established in this session? */
  everConnected: boolean;
  /** Why the server refused the connection for good, in words for the user. */
  problem: string | null;
}

/** What each permanent close code (docs/SPEC.md) means for the person at the board. */
export const CLOSE_PROBLEMS: Record<number, string> = {
  4400: "The server could not read a message from this page. Reload to continue.",
  4401: "This link was replaced by the board's owner. Ask them for the current link.",
  4403: "Your presence information was refused. Reload to continue.",
  4413: "The board has reached its maximum size; this change was not saved.",
};

export class SaveTracker {
  private changeSeq = 0;
  private savedSeq = 0;
  private nextRequestId = 1;
  private readonly requested = new Map<number, number>();
  private connection: "connected" | "connecting" | "disconnected" = "connecting";
  private everConnected = false;
  private synced = false;
  private listeners = new Set<() => void>();
  private problem: string | null = null;
  private snapshot: SaveStatus = { state: "connecting", unsaved: false, everConnected: false, problem: null };

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  get = (): SaveStatus => this.snapshot;

  localChange(): void {
    this.changeSeq++;
    this.emit();
  }

  setConnection(state: "connected" | "connecting" | "disconnected"): void {
    this.connection = state;
    if (state === "connected") this.everConnected = true;
    if (state !== "connected") {
      this.synced = false;
      this.requested.clear();
    }
    this.emit();
  }

  /** After a (re)sync the server may lack edits restored from this device: confirm them too. */
  setSynced(synced: boolean): void {
    if (synced && !this.synced) this.changeSeq++;
    this.synced = synced;
    this.emit();
  }

  /** The server closed for good with this code: no reconnect will follow. */
  refused(code: number): void {
    this.problem = CLOSE_PROBLEMS[code] ?? `The server closed the connection (code ${code}).`;
    this.emit();
  }

  /** Returns a request id when a save confirmation should be requested now. */
  nextRequest(): number | null {
    if (this.connection !== "connected" || !this.synced || this.savedSeq >= this.changeSeq) return null;
    const id = this.nextRequestId++;
    this.requested.set(id, this.changeSeq);
    return id;
  }

  acknowledged(id: number): void {
    const seq = this.requested.get(id);
    if (seq === undefined) return;
    for (const key of [...this.requested.keys()]) if (key <= id) this.requested.delete(key);
    this.savedSeq = Math.max(this.savedSeq, seq);
    this.emit();
  }

  private emit(): void {
    const unsaved = this.savedSeq < this.changeSeq;
    const state: SaveState = this.problem
      ? "refused"
      : this.connection === "disconnected" && this.everConnected
        ? "offline"
        : this.connection !== "connected" || !this.synced
          ? this.everConnected || this.connection === "connecting" ? "connecting" : "offline"
          : unsaved
            ? "saving"
            : "saved";
    const next = { state, unsaved, everConnected: this.everConnected, problem: this.problem };
    const prev = this.snapshot;
    if (next.state === prev.state && next.unsaved === prev.unsaved && next.everConnected === prev.everConnected && next.problem === prev.problem) return;
    this.snapshot = next;
    for (const fn of this.listeners) fn();
  }
}
