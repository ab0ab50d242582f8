// The live feed: a snapshot with its seq, then every committed event in order. The snapshot
// and the subscription happen in the same tick, so no event can fall between them.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { lobbySnapshot } from '../../lobby/views.js';
import type { ServerContext } from '../context.js';
import { FeedFormatter } from '../feed.js';
import { principalFromToken, isPublicAudience, type Principal } from '../principal.js';
import { ALERT_READERS } from './alerts.js';
import { LOBBY_READERS } from './lobby.js';

const FIRST_MESSAGE_TIMEOUT_MS = 5000;
const PING_MS = 15_000;

export function registerLiveRoute(app: FastifyInstance, ctx: ServerContext): void {
  const { hub, db } = ctx;
  const formatter = new FeedFormatter(hub.predictor, hub.clock);

  function start(socket: WebSocket, principal: Principal): void {
    const audience = isPublicAudience(principal) ? 'public' : 'staff';
    const now = hub.clock();
    const snapshot = lobbySnapshot(hub.lastSeq(), ctx.branch, hub.state, hub.predictor, hub.freshEstimates(), now, audience === 'public');
    socket.send(JSON.stringify({ type: 'snapshot', ...snapshot }));
    const unsubscribe = hub.onChange((change) => {
      for (const message of formatter.messages(change, audience)) socket.send(message);
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
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, PING_MS);
    socket.on('pong', () => (alive = true));
    socket.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      unsubscribeHeld();
    });
  }

  function refuse(socket: WebSocket, code: string, message: string): void {
    socket.send(JSON.stringify({ type: 'error', error: { code, message } }));
    socket.close(4401, code);
  }

  function authorise(socket: WebSocket, token: string): void {
    const principal = principalFromToken(db, token, hub.clock());
    if (!principal) return refuse(socket, 'invalid_token', 'This token is not valid; sign in or pair again.');
    if (!(LOBBY_READERS as readonly string[]).includes(principal.grant)) return refuse(socket, 'forbidden', 'This role may not read the live feed.');
    start(socket, principal);
  }

  app.get('/api/live', { websocket: true }, (socket, request) => {
    const token = (request.query as { token?: string }).token;
    if (token) return authorise(socket, token);
    // No token in the URL: the first message carries it, as {"token": "…"} or the bare token.
    const timer = setTimeout(() => refuse(socket, 'unauthenticated', 'Send the token as the first message.'), FIRST_MESSAGE_TIMEOUT_MS);
    socket.once('message', (raw) => {
      clearTimeout(timer);
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
