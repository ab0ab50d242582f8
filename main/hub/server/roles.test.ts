// Every route x every role: the table below is the contract's "who may", written down
// independently of the routes' own guards, and it must cover every route the hub serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

type Who = 'anonymous' | 'admin' | 'manager' | 'supervisor' | 'teller' | 'kiosk' | 'display' | 'counter-device' | 'manager-device';
const EVERYONE: Who[] = ['anonymous', 'admin', 'manager', 'supervisor', 'teller', 'kiosk', 'display', 'counter-device', 'manager-device'];
const ANY_TOKEN = EVERYONE.filter((w) => w !== 'anonymous');
const STAFF: Who[] = ['admin', 'manager', 'supervisor', 'teller'];

interface RouteCase {
  method: string;
  path: string;
  /** The route as registered, to check the table covers them all. */
  pattern: string;
  body?: unknown;
  may: Who[];
}

let hub: TestHub;
const tokens = {} as Record<Who, string | null>;
let ticketId = '';
let alertId = '';

beforeAll(async () => {
  hub = await startTestHub();
  tokens.anonymous = null;
  for (const who of STAFF) tokens[who] = await hub.login(who === 'teller' ? 'teller1' : who);
  tokens.kiosk = await hub.device('kiosk');
  tokens.display = await hub.device('display');
  tokens['counter-device'] = await hub.device('counter');
  tokens['manager-device'] = await hub.device('manager');
  await hub.api('POST', '/api/counters/1/open', { token: tokens.teller });
  alertId = hub.alerts.raise({ kind: 'kiosk_help', key: 'matrix' }, null).id;
  ticketId = (await hub.api('POST', '/api/tickets', { token: tokens.kiosk, body: { service: 'cash' } })).body.ticket.id;
});
afterAll(() => hub.close());

function cases(): RouteCase[] {
  const t = ticketId;
  const ticketMove = (move: string, body?: unknown): RouteCase => ({
    method: 'POST',
    path: `/api/tickets/${t}/${move}`,
    pattern: `/api/tickets/:id/${move}`,
    body,
    may: ['teller', 'manager'],
  });
  const counter = (move: string, may: Who[], body?: unknown): RouteCase => ({
    method: 'POST',
    path: `/api/counters/1/${move}`,
    pattern: `/api/counters/:counter/${move}`,
    body,
    may,
  });
  return [
    { method: 'GET', path: '/api/health', pattern: '/api/health', may: EVERYONE },
    { method: 'POST', path: '/api/auth/login', pattern: '/api/auth/login', body: { staffId: 'nobody', pin: '0000' }, may: EVERYONE },
    { method: 'GET', path: '/api/me', pattern: '/api/me', may: ANY_TOKEN },
    { method: 'POST', path: '/api/devices', pattern: '/api/devices', body: { role: 'kiosk', name: 'matrix' }, may: ['admin'] },
    { method: 'GET', path: '/api/devices', pattern: '/api/devices', may: ['admin'] },
    { method: 'POST', path: '/api/devices/pair', pattern: '/api/devices/pair', body: { pairingCode: 'ZZZZZZZZ' }, may: EVERYONE },
    { method: 'GET', path: '/api/services', pattern: '/api/services', may: ANY_TOKEN },
    { method: 'POST', path: '/api/tickets', pattern: '/api/tickets', body: { service: 'noncash' }, may: ['kiosk', 'manager'] },
    { method: 'GET', path: `/api/tickets/${t}`, pattern: '/api/tickets/:id', may: ANY_TOKEN },
    { method: 'GET', path: '/api/tickets?number=A001', pattern: '/api/tickets', may: STAFF },
    ticketMove('recall'),
    ticketMove('start'),
    ticketMove('finish', {}),
    ticketMove('no-show'),
    ticketMove('transfer', { service: 'noncash' }),
    ticketMove('cancel'),
    { method: 'POST', path: `/api/tickets/${t}/print`, pattern: '/api/tickets/:id/print', may: ['kiosk', 'manager'] },
    counter('open', ['teller']),
    counter('pause', ['teller', 'manager'], { reason: 'meeting' }),
    counter('resume', ['teller', 'manager']),
    counter('call-next', ['teller']),
    counter('call', ['teller'], { number: 'Z999' }),
    counter('close', ['teller', 'manager']),
    { method: 'PUT', path: '/api/counters/2/services', pattern: '/api/counters/:counter/services', body: { services: ['cash'] }, may: ['manager', 'admin'] },
    { method: 'GET', path: '/api/lobby', pattern: '/api/lobby', may: ANY_TOKEN },
    { method: 'POST', path: '/api/day/open', pattern: '/api/day/open', body: {}, may: ['manager', 'admin'] },
    { method: 'POST', path: '/api/day/close', pattern: '/api/day/close', may: ['manager', 'admin'] },
    { method: 'GET', path: '/api/reports/daily?date=2026-01-01', pattern: '/api/reports/daily', may: ['manager', 'supervisor', 'admin'] },
    { method: 'GET', path: `/api/public/tickets/${t}`, pattern: '/api/public/tickets/:id', may: EVERYONE },
    { method: 'GET', path: '/api/alerts', pattern: '/api/alerts', may: ['manager', 'supervisor', 'admin', 'manager-device'] },
    { method: 'POST', path: `/api/alerts/${alertId}/ack`, pattern: '/api/alerts/:id/ack', may: ['manager', 'supervisor'] },
    { method: 'POST', path: '/api/auth/logout', pattern: '/api/auth/logout', may: ANY_TOKEN },
  ];
}

describe('role matrix', () => {
  it('covers every API route the hub registers', () => {
    const registered = new Set<string>();
    for (const line of hub.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /(\/api\/\S*) \(([^)]*)\)/.exec(line.replace(/^[\s│├└─]+/, ''));
      if (!m) continue;
      for (const method of m[2]!.split(', ')) if (method !== 'HEAD') registered.add(`${method} ${m[1]}`);
    }
    const table = new Set(cases().map((c) => `${c.method} ${c.pattern}`));
    table.add('GET /api/live'); // the feed has its own matrix below
    expect([...registered].filter((r) => !table.has(r))).toEqual([]);
    expect(registered.size).toBeGreaterThan(20);
  });

  it('lets exactly the allowed roles through every route', async () => {
    const wrong: string[] = [];
    for (const c of cases()) {
      // Logout would end the session the other rows need: run it on throwaway logins.
      for (const who of EVERYONE) {
        let token = tokens[who];
        if (c.pattern === '/api/auth/logout' && STAFF.includes(who)) token = await hub.login(who === 'teller' ? 'teller1' : who);
        if (c.pattern === '/api/auth/logout' && !STAFF.includes(who) && who !== 'anonymous') continue;
        const res = await hub.api(c.method, c.path, { token, body: c.body });
        const code = res.body?.error?.code;
        const refused = res.status === 401 && code === 'unauthenticated' ? 'unauthenticated' : res.status === 403 && code === 'forbidden' ? 'forbidden' : null;
        const allowed = c.may.includes(who);
        if (allowed && refused) wrong.push(`${who} refused ${c.method} ${c.pattern} (${res.status} ${code})`);
        if (!allowed && !refused) wrong.push(`${who} allowed ${c.method} ${c.pattern} (${res.status} ${code ?? ''})`);
        if (!allowed && refused) expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
        // The only 5xx the contract knows: a printer fault (here: no printer) is a 503.
        const printerDown = res.status === 503 && code?.startsWith('printer_');
        if (!printerDown) expect(res.status, `${who} ${c.method} ${c.path}`).toBeLessThan(500);
      }
    }
    expect(wrong).toEqual([]);
  });
});
