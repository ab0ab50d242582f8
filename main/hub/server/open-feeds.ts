// Every open live feed with the credential it was opened with, so that a feed ends when its
// credential does: a revoked device's feed closes as the revocation commits, and a feed
// whose session is gone (signed out, expired, idle too long) closes at the next sweep, or
// before its next message, whichever comes first.
// Without this a socket opened with a token would keep reading the lobby after the token
// itself was refused everywhere else.
import type { WebSocket } from 'ws';
import type { Hub } from '../lobby/hub.js';
import type { LifeMarks } from '../auth/life-marks.js';
import { checkSession, type Principal } from './principal.js';

/** How often open feeds are checked against the sessions table: well inside a second. */
export const SWEEP_MS = 400;
/** The close code of a refused or ended feed: an application 401. */
export const FEED_UNAUTHORISED = 4401;

interface OpenFeed {
  socket: WebSocket;
  principal: Principal;
  token: string;
}

/** What an open feed's route holds: whether it may still deliver, and how to let go. */
export interface OpenFeedHandle {
  /** Ends the feed (error, then close) when its session has ended; true while it stays open. */
  stillOpen(): boolean;
  forget(): void;
}

const ENDED = {
  invalid_token: { code: 'session_ended', message: 'This session has ended; sign in or pair again.' },
  session_expired: { code: 'session_expired', message: 'This sign-in ended after a time unused; sign in again.' },
} as const;

/** The error first, so the client can say why, then the close (as the feed's refusal does). */
export function endFeed(socket: WebSocket, code: string, message: string): void {
  socket.send(JSON.stringify({ type: 'error', error: { code, message } }));
  socket.close(FEED_UNAUTHORISED, code);
}

export class OpenFeeds {
  private readonly feeds = new Set<OpenFeed>();
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;

  /** `staffIdleMs`: how long a staff sign-in may go unused now (listening to the feed is not using it). */
  constructor(
    private readonly hub: Hub,
    private readonly marks: LifeMarks,
    private readonly staffIdleMs: () => number,
  ) {
    this.unsubscribe = hub.onChange((change) => {
      for (const event of change.events) if (event.type === 'device.revoked') this.endDevice(event.deviceId);
      // A disabled person's (or a reset PIN's) sessions end by event: their feeds close now, not at the next sweep.
      if (change.events.some((e) => e.type === 'session.ended' && e.reason !== 'idle')) this.sweep();
    });
  }

  /** Registers an open feed; call forget() when the socket closes. */
  add(socket: WebSocket, principal: Principal, token: string): OpenFeedHandle {
    const feed: OpenFeed = { socket, principal, token };
    this.feeds.add(feed);
    if (principal.kind === 'device') {
      const alive = () => this.marks.deviceSeen(principal.id, this.hub.clock());
      alive();
      socket.on('pong', alive);
      socket.on('message', alive);
    }
    if (!this.timer) {
      this.timer = setInterval(() => this.sweep(), SWEEP_MS);
      this.timer.unref();
    }
    // Per delivery only staff are checked: a device never idles out, and its revocation ends
    // its feed as the event commits (this listener was registered before any feed's).
    return { stillOpen: () => this.feeds.has(feed) && (principal.kind !== 'staff' || this.verify(feed)), forget: () => this.remove(feed) };
  }

  /** Ends every feed whose session no longer exists, has expired or has idled out. */
  sweep(): void {
    for (const feed of [...this.feeds]) this.verify(feed);
  }

  private verify(feed: OpenFeed): boolean {
    const check = checkSession(this.hub, feed.token, this.hub.clock(), this.staffIdleMs(), false);
    if (!('refused' in check)) return true;
    const { code, message } = ENDED[check.refused];
    this.end(feed, code, message);
    return false;
  }

  stop(): void {
    this.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private endDevice(deviceId: string): void {
    for (const feed of [...this.feeds]) {
      if (feed.principal.kind === 'device' && feed.principal.id === deviceId) {
        this.end(feed, 'device_revoked', 'This device has been revoked; an admin must pair it again with a new code.');
      }
    }
  }

  private end(feed: OpenFeed, code: string, message: string): void {
    this.remove(feed);
    endFeed(feed.socket, code, message);
  }

  private remove(feed: OpenFeed): void {
    this.feeds.delete(feed);
    if (this.feeds.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
