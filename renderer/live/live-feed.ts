// The live-feed connection: a WebSocket to /api/live on the page's own origin, the lobby
// state built from its messages, reconnection with backoff, and a visible connection state.
import { live } from '../../main/common/routes/lobby';
import { backoffDelay } from './backoff';
import { parseMessage, receive, type LobbyView } from './lobby-state';

export type Connection = 'connecting' | 'live' | 'reconnecting';

export interface LiveFeedOptions {
  token: string;
  onState: (state: LobbyView) => void;
  onConnection: (c: Connection) => void;
  /**
   * The hub refused the token (an `{type:'error'}` message, close code 4401): reconnecting
   * cannot help, so the feed stops and the screen should ask for a new sign-in or pairing.
   */
  onRejected?: (code: string, message: string) => void;
  /** Called after every few failed attempts in a row, e.g. to check whether the token still works. */
  onRepeatedFailure?: (attempts: number) => void;
  /** The hub held an alert in memory (its disk is full): reload the alert list. */
  onAlertHeld?: () => void;
  /** For tests: the socket to use instead of a real WebSocket on the page's origin. */
  socketFactory?: () => WebSocket;
}

/** The feed's address carries no token: URLs end up in logs and history, so it goes in the first message. */
export function liveUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}${live.path}`;
}

/** The close code the hub uses when it refuses a token. */
export const REJECTED_CLOSE_CODE = 4401;

function parseRefusal(raw: string): { code: string; message: string } | null {
  try {
    const m = JSON.parse(raw) as { type?: unknown; error?: { code?: unknown; message?: unknown } };
    if (m?.type !== 'error') return null;
    return { code: String(m.error?.code ?? 'refused'), message: String(m.error?.message ?? '') };
  } catch {
    return null;
  }
}

export class LiveFeed {
  private socket: WebSocket | null = null;
  private state: LobbyView | null = null;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly opts: LiveFeedOptions) {}

  start(): void {
    this.opts.onConnection('connecting');
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = this.opts.socketFactory?.() ?? new WebSocket(liveUrl());
    this.socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ token: this.opts.token }));
    // Every connection starts with a snapshot: drop what we held so nothing is merged across.
    this.state = null;
    ws.onmessage = (ev) => this.onMessage(ws, ev);
    ws.onclose = (ev) => this.onClose(ws, ev);
    // A failed socket always fires close after error; the close handler does the work.
    ws.onerror = () => undefined;
  }

  private onMessage(ws: WebSocket, ev: MessageEvent): void {
    if (ws !== this.socket) return;
    const refusal = typeof ev.data === 'string' ? parseRefusal(ev.data) : null;
    if (refusal) {
      this.stop();
      this.opts.onRejected?.(refusal.code, refusal.message);
      return;
    }
    const msg = typeof ev.data === 'string' ? parseMessage(ev.data) : null;
    // Not a lobby event: it moves no seq, and says only that the alert list changed.
    if (msg?.type === 'alert.held') {
      this.opts.onAlertHeld?.();
      return;
    }
    const result = msg ? receive(this.state, msg) : { state: this.state, resync: true };
    if (result.resync) {
      this.resync();
      return;
    }
    if (!result.state) return;
    if (!this.state) {
      this.attempts = 0;
      this.opts.onConnection('live');
    }
    this.state = result.state;
    this.opts.onState(result.state);
  }

  /** A gap (or garbage): reopen at once; the new connection's snapshot puts us right. */
  private resync(): void {
    const old = this.socket;
    this.socket = null;
    old?.close();
    this.opts.onConnection('reconnecting');
    this.connect();
  }

  private onClose(ws: WebSocket, ev?: CloseEvent): void {
    if (ws !== this.socket || this.stopped) return;
    if (ev?.code === REJECTED_CLOSE_CODE) {
      this.stop();
      this.opts.onRejected?.(ev.reason || 'invalid_token', ev.reason);
      return;
    }
    this.socket = null;
    this.opts.onConnection('reconnecting');
    const delay = backoffDelay(this.attempts);
    this.attempts += 1;
    if (this.attempts % 3 === 0) this.opts.onRepeatedFailure?.(this.attempts);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
