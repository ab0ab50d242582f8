// The live feed: a snapshot with its seq, then every committed event in order. The snapshot
// and the subscription happen in the same tick, so no event can fall between them.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { lobbySnapshot } from '../../lobby/views.js';
import type { ServerContext } from '../context.js';
import { lifeMarksOf } from '../../auth/life-marks.js';
import { FeedFormatter } from '../feed.js';
import { endFeed, OpenFeeds } from '../open-feeds.js';
import { vaultOf } from '../../personal/vault.js';
import { queryTokenAllowed } from '../live-token.js';
import { checkSession, isPublicAudience, type Principal } from '../principal.js';
import { isFraudWatched } from '../../fraud/watch-projector.js';
import { ALERT_READERS } from '../readers.js';
import { LOBBY_READERS } from '../../../common/routes/access.js';
import { api } from '../../../common/routes/index.js';

const FIRST_MESSAGE_TIMEOUT_MS = 5000;
/** A branch's terminal opens one feed; a few more cover reconnects in a burst. */
const MAX_WAITING_PER_ADDRESS = 20;
const PING_MS = 15_000;
const REFUSALS = {
  invalid_token: 'This token is not valid; sign in or pair again.',
  session_expired: 'This sign-in ended after a time unused; sign in again.',
} as const;

export function registerLiveRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { hub } = ctx;
  const watched = (ticketId: string) => isFraudWatched(hub.ledger.db, ticketId);
  const formatter = new FeedFormatter(hub.predictor, hub.clock, (v) => vaultOf(hub.ledger.db).openAll(v), watched);
  // Read at each use: the admin may change it while feeds are open.
  const idleMs = () => ctx.options.staffIdleMinutes * 60_000;
  const feeds = new OpenFeeds(hub, lifeMarksOf(hub), idleMs);
  app.addHook('onClose', async () => feeds.stop());

  function start(socket: WebSocket, principal: Principal, token: string): void {
    const now = hub.clock();
    const snapshot = lobbySnapshot(hub.lastSeq(), ctx.branch, hub.state, hub.predictor, hub.freshEstimates(), now, isPublicAudience(principal), watched);
    socket.send(JSON.stringify({ type: 'snapshot', ...snapshot }));
    // Listening is not using: a feed whose sign-in ended (idle, signed out, revoked) is
    // checked before each delivery too, so an abandoned screen never gets one more customer.
    const feed = feeds.add(socket, principal, token);
    // Each change is cut for this principal as the change left the lobby: a teller who signs
    // in at another counter reads that counter's customers from then on.
    const unsubscribe = hub.onChange((change) => {
      if (!feed.stillOpen()) return;
      for (const message of formatter.messages(change, principal)) socket.send(message);
    });
    // An alert held in memory on a full disk moves no seq: its readers get a notice carrying
    // the current seq (a client that does not know it ignores it as already seen) and only the
    // alert's id and kind; its details come through GET /api/alerts, cut as REST cuts them.
    const mayReadAlerts = (ALERT_READERS as readonly string[]).includes(principal.grant);
    const unsubscribeHeld = mayReadAlerts
      ? ctx.alerts.onHeld((alert) => socket.send(JSON.stringify({ type: 'alert.held', seq: hub.lastSeq(), id: alert.id, kind: alert.kind })))
      : () => undefined;
    let alive = true;
    const ping = setInterval(() => {
      if (!feed.stillOpen()) return;
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_MS);
    socket.on('pong', () => (alive = true));
    socket.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      feed.forget();
      unsubscribeHeld();
    });
  }

  const refuse = endFeed;

  function authorise(socket: WebSocket, token: string): void {
    const check = checkSession(hub, token, hub.clock(), idleMs());
    if ('refused' in check) return refuse(socket, check.refused, REFUSALS[check.refused]);
    const { principal } = check;
    if (!(LOBBY_READERS as readonly string[]).includes(principal.grant)) return refuse(socket, 'forbidden', 'This role may not read the live feed.');
    start(socket, principal, token);
  }

  const waitingForToken = new Map<string, number>();

  app.get(api.live.path, { websocket: true }, (socket, request) => {
    const token = (request.query as { token?: string }).token;
    if (token) {
      if (!queryTokenAllowed(request.socket.remoteAddress)) {
        return refuse(socket, 'token_in_url', 'Send the token as the first message, never in the address.');
      }
      return authorise(socket, token);
    }
    // No token in the URL: the first message carries it, as {"token": "…"} or the bare token.
    // Sockets still waiting for it are few per address: a script cannot hold thousands open.
    const address = request.ip;
    const waiting = waitingForToken.get(address) ?? 0;
    if (waiting >= MAX_WAITING_PER_ADDRESS) return refuse(socket, 'too_many_connections', 'Too many connections from this address are waiting to send their token.');
    waitingForToken.set(address, waiting + 1);
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const left = (waitingForToken.get(address) ?? 1) - 1;
      if (left > 0) waitingForToken.set(address, left);
      else waitingForToken.delete(address);
    };
    const timer = setTimeout(() => {
      settle();
      refuse(socket, 'unauthenticated', 'Send the token as the first message.');
    }, FIRST_MESSAGE_TIMEOUT_MS);
    socket.once('close', settle);
    socket.once('message', (raw) => {
      settle();
      const text = raw.toString();
      let first = text;
      try {
        const parsed = JSON.parse(text) as { token?: unknown };
        if (typeof parsed.token === 'string') first = parsed.token;
      } catch {
        // a bare token
      }
      authorise(socket, first.trim());
    });
  });
}
