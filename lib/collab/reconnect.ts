/**
 * Reconnect pacing for the stock y-websocket provider. Its own backoff has no jitter, so a
 * server restart with hundreds of open boards would see every client return in the same
 * few milliseconds. Each new socket is therefore created after a "full jitter" delay:
 * attempt n (n ≥ 1) waits a uniformly random time in [0, min(cap, base·2^(n-1))].
 * Only the very first connection (attempt 0) starts at once. After a successful sync the
 * session sets the attempt back to 1, so the clients dropped by a restart return spread
 * over about a second, then over 2, 4, … up to 30 s while the server stays away.
 */
export interface BackoffState {
  /** Attempts made; the session sets it to 1 after each successful sync. */
  attempt: number;
}

export const RECONNECT_BASE_MS = 1000;
export const RECONNECT_CAP_MS = 30_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random, base = RECONNECT_BASE_MS, cap = RECONNECT_CAP_MS): number {
  if (attempt <= 0) return 0;
  return random() * Math.min(cap, base * 2 ** (attempt - 1));
}

type SocketClass = typeof WebSocket;

/**
 * A WebSocket class for `WebsocketProvider({ WebSocketPolyfill })` that opens the real socket
 * after reconnectDelay(state.attempt).
 */
export function jitteredWebSocket(Base: SocketClass, state: BackoffState, random: () => number = Math.random): SocketClass {
  return class DelayedWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = "arraybuffer";
    readyState = 0;
    onopen: ((e: Event) => void) | null = null;
    onclose: ((e: CloseEvent) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    onmessage: ((e: MessageEvent) => void) | null = null;
    private real: WebSocket | null = null;
    private readonly timer: ReturnType<typeof setTimeout>;

    constructor(url: string, protocols?: string | string[]) {
      const delay = reconnectDelay(state.attempt++, random);
      this.timer = setTimeout(() => this.open(url, protocols), delay);
    }

    private open(url: string, protocols?: string | string[]): void {
      const ws = new Base(url, protocols);
      this.real = ws;
      ws.binaryType = this.binaryType;
      ws.onopen = (e) => {
        this.readyState = 1;
        this.onopen?.(e);
      };
      ws.onmessage = (e) => this.onmessage?.(e);
      ws.onerror = (e) => this.onerror?.(e);
      ws.onclose = (e) => {
        this.readyState = 3;
        this.onclose?.(e);
      };
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      this.real?.send(data as never);
    }

    close(code?: number, reason?: string): void {
      if (this.real) return this.real.close(code, reason);
      // Closed before the delayed socket existed: report it the way a socket would.
      clearTimeout(this.timer);
      if (this.readyState === 3) return;
      this.readyState = 3;
      const onclose = this.onclose;
      queueMicrotask(() => onclose?.({ code: 1000, reason: "closed before connecting", wasClean: true } as CloseEvent));
    }
  } as unknown as SocketClass;
}

/** Close codes after which reconnecting cannot help (see docs/SPEC.md). */
export const PERMANENT_CLOSE_CODES = new Set([4400, 4401, 4403, 4413]);
