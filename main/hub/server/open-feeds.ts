// Every open live feed with the credential it was opened with, so that a feed ends when its
// credential does: a revoked device's feed closes as the revocation commits, and a feed
// whose session is gone (signed out, expired, ended by an admin) closes at the next sweep.
// Without this a socket opened with a token would keep reading the lobby after the token
// itself was refused everywhere else.
import type Database from 'better-sqlite3';
import type { WebSocket } from 'ws';
import { hashSecret } from '../auth/tokens.js';
import type { Hub } from '../lobby/hub.js';
import type { DeviceLastSeen } from './device-last-seen.js';
import type { Principal } from './principal.js';

/** How often open feeds are checked against the sessions table: well inside a second. */
export const SWEEP_MS = 400;
/** The close code of a refused or ended feed: an application 401. */
export const FEED_UNAUTHORISED = 4401;

interface OpenFeed {
  socket: WebSocket;
  principal: Principal;
  tokenHash: string;
}

/** The error first, so the client can say why, then the close (as the feed's refusal does). */
export function endFeed(socket: WebSocket, code: string, message: string): void {
  socket.send(JSON.stringify({ type: 'error', error: { code, message } }));
  socket.close(FEED_UNAUTHORISED, code);
}

export class OpenFeeds {
  private readonly feeds = new Set<OpenFeed>();
  private readonly session: Database.Statement;
  private readonly unsubscribe: () => void;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    db: Database.Database,
    private readonly hub: Hub,
    private readonly lastSeen: DeviceLastSeen,
  ) {
    this.session = db.prepare('SELECT expires_at FROM sessions WHERE token_hash = ?');
    this.unsubscribe = hub.onChange((change) => {
      for (const event of change.events) if (event.type === 'device.revoked') this.endDevice(event.deviceId);
    });
  }

  /** Registers an open feed; call the returned function when the socket closes. */
  add(socket: WebSocket, principal: Principal, token: string): () => void {
    const feed: OpenFeed = { socket, principal, tokenHash: hashSecret(token) };
    this.feeds.add(feed);
    if (principal.kind === 'device') {
      const alive = () => this.lastSeen.touch(principal.id);
      alive();
      socket.on('pong', alive);
      socket.on('message', alive);
    }
    if (!this.timer) {
      this.timer = setInterval(() => this.sweep(), SWEEP_MS);
      this.timer.unref();
    }
    return () => this.remove(feed);
  }

  /** Ends every feed whose session no longer exists or has expired. */
  sweep(): void {
    const now = this.hub.clock();
    for (const feed of [...this.feeds]) {
      const row = this.session.get(feed.tokenHash) as { expires_at: number } | undefined;
      if (!row || row.expires_at <= now) this.end(feed, 'session_ended', 'This session has ended; sign in or pair again.');
    }
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
