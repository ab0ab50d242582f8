// Every route x every role: the matrix below is the contract's "who may", written down
// independently of the route table (main/common/routes), which must say the same for every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { ROUTES } from '../../common/routes/index.js';

type Who = 'anonymous' | 'admin' | 'manager' | 'supervisor' | 'teller' | 'kiosk' | 'display' | 'counter-device' | 'manager-device' | 'rating';
const EVERYONE: Who[] = ['anonymous', 'admin', 'manager', 'supervisor', 'teller', 'kiosk', 'display', 'counter-device', 'manager-device', 'rating'];
const ANY_TOKEN = EVERYONE.filter((w) => w !== 'anonymous');
/** Every screen that shows the lobby: the satisfaction pad asks its own question and reads no lobby. */
const LOBBY = ANY_TOKEN.filter((w) => w !== 'rating');
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
  tokens.rating = await hub.device('rating', 'pad at 1', '1');
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
    // An id that does not exist: the guard answers before the 404, and no token the matrix uses is revoked.
    { method: 'DELETE', path: '/api/devices/nodevice', pattern: '/api/devices/:id', may: ['admin'] },
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
    { method: 'POST', path: `/api/tickets/${t}/priority`, pattern: '/api/tickets/:id/priority', body: { priority: 'green' }, may: ['manager'] },
    { method: 'POST', path: '/api/triage/self-service', pattern: '/api/triage/self-service', body: { service: 'cash' }, may: ['manager'] },
    { method: 'GET', path: '/api/manager/window-suggestions', pattern: '/api/manager/window-suggestions', may: ['manager', 'manager-device'] },
    { method: 'GET', path: '/api/manager/advice', pattern: '/api/manager/advice', may: ['manager', 'manager-device'] },
    // A stale advice: 409 advice_changed for the manager, refused before that for everyone else.
    { method: 'POST', path: '/api/manager/advice', pattern: '/api/manager/advice', body: { id: 'stale', decision: 'dismissed' }, may: ['manager'] },
    { method: 'PUT', path: '/api/counters/2/services', pattern: '/api/counters/:counter/services', body: { services: ['cash'] }, may: ['manager', 'admin'] },
    { method: 'GET', path: '/api/lobby', pattern: '/api/lobby', may: LOBBY },
    { method: 'POST', path: '/api/day/open', pattern: '/api/day/open', body: {}, may: ['manager', 'admin'] },
    { method: 'POST', path: '/api/day/close', pattern: '/api/day/close', may: ['manager', 'admin'] },
    { method: 'GET', path: '/api/reports/daily?date=2026-01-01', pattern: '/api/reports/daily', may: ['manager', 'supervisor', 'admin'] },
    { method: 'GET', path: `/api/public/tickets/${t}`, pattern: '/api/public/tickets/:id', may: EVERYONE },
    { method: 'GET', path: '/api/settings/rota', pattern: '/api/settings/rota', may: ['manager', 'admin', 'supervisor'] },
    { method: 'PUT', path: '/api/settings/rota', pattern: '/api/settings/rota', body: { rota: [] }, may: ['manager', 'admin'] },
    { method: 'GET', path: '/api/settings/sign-in', pattern: '/api/settings/sign-in', may: ['admin'] },
    { method: 'PUT', path: '/api/settings/sign-in', pattern: '/api/settings/sign-in', body: { staffIdleMinutes: 60 }, may: ['admin'] },
    { method: 'GET', path: '/api/settings/dispatch', pattern: '/api/settings/dispatch', may: ['manager', 'admin', 'supervisor'] },
    { method: 'PUT', path: '/api/settings/dispatch', pattern: '/api/settings/dispatch', body: { maxPriorityInARow: null }, may: ['admin'] },
    { method: 'GET', path: '/api/settings/calendar', pattern: '/api/settings/calendar', may: ['manager', 'admin', 'supervisor'] },
    { method: 'PUT', path: '/api/settings/calendar', pattern: '/api/settings/calendar', body: { pensionDays: [13], pensionOnWeekend: 'same_day', monthEndDays: 2, holidayEves: [] }, may: ['admin'] },
    { method: 'GET', path: '/api/settings/elderly', pattern: '/api/settings/elderly', may: ['manager', 'admin', 'supervisor'] },
    { method: 'PUT', path: '/api/settings/elderly', pattern: '/api/settings/elderly', body: { age: 60, rank: 'below_vip' }, may: ['admin'] },
    { method: 'GET', path: '/api/lobby/elderly', pattern: '/api/lobby/elderly', may: ['manager', 'supervisor', 'admin'] },
    // Issue 13: the admin's branch tab.
    { method: 'POST', path: '/api/services', pattern: '/api/services', body: { code: 'loans', prefix: 'L', nameZh: '贷款', nameEn: 'Loans', targetWaitMinutes: 20, maxWaitMinutes: 40 }, may: ['admin'] },
    { method: 'POST', path: '/api/counters', pattern: '/api/counters', body: { counter: '8', services: ['cash'], label: '爱心窗口' }, may: ['admin'] },
    { method: 'GET', path: '/api/settings/branch', pattern: '/api/settings/branch', may: ['manager', 'admin', 'supervisor'] },
    { method: 'PUT', path: '/api/settings/branch', pattern: '/api/settings/branch', body: { nameZh: '演示支行', nameEn: 'Demo Branch' }, may: ['admin'] },
    { method: 'GET', path: '/api/settings/opening-hours', pattern: '/api/settings/opening-hours', may: ['manager', 'admin', 'supervisor'] },
    { method: 'PUT', path: '/api/settings/opening-hours', pattern: '/api/settings/opening-hours', body: { openingTime: '09:00', closingTime: '17:00', patrolTimes: [] }, may: ['admin'] },
    { method: 'PUT', path: '/api/kiosk/config', pattern: '/api/kiosk/config', body: { choices: [{ id: 'cash', nameZh: '现金', nameEn: 'Cash', service: 'cash', selfService: null }] }, may: ['admin'] },
    { method: 'GET', path: '/api/customer-secret', pattern: '/api/customer-secret', may: ['admin'] },
    { method: 'POST', path: '/api/customer-secret/show', pattern: '/api/customer-secret/show', body: { pin: '000000' }, may: ['admin'] },
    // A malformed secret: the admin gets as far as the 400, and the secret stays.
    { method: 'POST', path: '/api/customer-secret/set', pattern: '/api/customer-secret/set', body: { pin: '000000', secret: 'x' }, may: ['admin'] },
    { method: 'GET', path: '/api/alerts', pattern: '/api/alerts', may: ['manager', 'supervisor', 'admin', 'manager-device'] },
    { method: 'POST', path: `/api/alerts/${alertId}/ack`, pattern: '/api/alerts/:id/ack', may: ['manager', 'supervisor'] },
    // Issue 4: kiosk, printing, customers.
    { method: 'GET', path: '/api/kiosk/config', pattern: '/api/kiosk/config', may: ANY_TOKEN },
    { method: 'POST', path: '/api/kiosk/self-service', pattern: '/api/kiosk/self-service', body: { choice: 'self_service' }, may: ['kiosk'] },
    { method: 'POST', path: '/api/kiosk/help', pattern: '/api/kiosk/help', body: { choice: 'other' }, may: ['kiosk'] },
    { method: 'POST', path: '/api/kiosk/green-channel', pattern: '/api/kiosk/green-channel', body: { reason: 'elderly' }, may: ['kiosk'] },
    { method: 'POST', path: '/api/kiosk/check-in/vip', pattern: '/api/kiosk/check-in/vip', body: { phone: '13700000000' }, may: ['kiosk', 'manager'] },
    // A number with a wrong check digit: the guard answers before the 400 invalid_id_number.
    { method: 'POST', path: '/api/kiosk/check-in/id-card', pattern: '/api/kiosk/check-in/id-card', body: { idNumber: '110105195003071231', service: 'cash' }, may: ['kiosk', 'manager'] },
    { method: 'POST', path: '/api/kiosk/check-in/appointment', pattern: '/api/kiosk/check-in/appointment', body: { code: 'NONE99' }, may: ['kiosk', 'manager'] },
    // Issue 14: the satisfaction pad (a ticket not finished: the guard answers before the 409).
    { method: 'GET', path: '/api/rating/current', pattern: '/api/rating/current', may: ['rating'] },
    { method: 'POST', path: '/api/ratings', pattern: '/api/ratings', body: { ticket: 'A001', score: 5 }, may: ['rating'] },
    { method: 'POST', path: '/api/kiosk/exit', pattern: '/api/kiosk/exit', body: {}, may: ['admin', 'manager'] },
    { method: 'GET', path: '/api/printing/printers', pattern: '/api/printing/printers', may: ['admin', 'manager'] },
    { method: 'PUT', path: '/api/printing/assignments/nodevice', pattern: '/api/printing/assignments/:device', body: { uri: null }, may: ['admin'] },
    { method: 'GET', path: '/api/printing/mine', pattern: '/api/printing/mine', may: ['kiosk'] },
    { method: 'POST', path: '/api/printing/mine/status', pattern: '/api/printing/mine/status', body: { uri: 'tcp://127.0.0.1:9', reachable: true, conditions: [] }, may: ['kiosk'] },
    { method: 'POST', path: '/api/printing/mine/unconfirmed', pattern: '/api/printing/mine/unconfirmed', body: { ticketId: 'nope', uri: 'tcp://127.0.0.1:9', statusRead: true }, may: ['kiosk'] },
    { method: 'GET', path: '/api/printing/preview', pattern: '/api/printing/preview', may: ['admin', 'manager'] },
    { method: 'POST', path: '/api/customers/vip-import', pattern: '/api/customers/vip-import', body: { csv: 'bad' }, may: ['admin'] },
    { method: 'POST', path: '/api/customers/erase', pattern: '/api/customers/erase', body: { kind: 'phone', number: '13700000000' }, may: ['admin'] },
    { method: 'POST', path: '/api/appointments', pattern: '/api/appointments', body: { service: 'cash', at: 'not a time' }, may: ['manager', 'admin'] },
    { method: 'POST', path: '/api/customers/vip-import/preview', pattern: '/api/customers/vip-import/preview', body: { csv: 'bad' }, may: ['admin'] },
    { method: 'POST', path: '/api/appointments/import/preview', pattern: '/api/appointments/import/preview', body: { csv: 'bad' }, may: ['manager', 'admin'] },
    { method: 'POST', path: '/api/appointments/import', pattern: '/api/appointments/import', body: { csv: 'bad' }, may: ['manager', 'admin'] },
    // Issue 13: the day's appointments on the console (an unknown code: the guard answers before the 404).
    { method: 'GET', path: '/api/appointments', pattern: '/api/appointments', may: ['manager', 'admin'] },
    { method: 'POST', path: '/api/appointments/NONE99/cancel', pattern: '/api/appointments/:code/cancel', may: ['manager', 'admin'] },
    { method: 'POST', path: '/api/appointments/NONE99/print', pattern: '/api/appointments/:code/print', body: {}, may: ['manager', 'admin'] },
    { method: 'GET', path: `/api/tickets/${t}/customer`, pattern: '/api/tickets/:id/customer', may: ['teller', 'manager', 'supervisor'] },
    // Issue 6: the records (ids that do not exist: the guard answers before the 404).
    ...recordsRows(),
    { method: 'GET', path: '/api/staff/locks', pattern: '/api/staff/locks', may: ['admin'] },
    { method: 'POST', path: '/api/staff/teller2/unlock', pattern: '/api/staff/:id/unlock', may: ['admin'] },
    { method: 'GET', path: '/api/setup', pattern: '/api/setup', may: EVERYONE },
    // A set-up hub: 409 already_set_up for everyone, the code unchecked.
    { method: 'POST', path: '/api/setup', pattern: '/api/setup', body: { code: 'ZZZZZZZZ', branch: { nameZh: '支行', nameEn: 'Branch' }, admin: { staffId: 'x', name: 'X', pin: '135790' } }, may: EVERYONE },
    { method: 'GET', path: '/api/staff', pattern: '/api/staff', may: ['admin'] },
    { method: 'POST', path: '/api/staff', pattern: '/api/staff', body: { staffId: 'matrix', name: 'Matrix', role: 'teller' }, may: ['admin'] },
    { method: 'PATCH', path: '/api/staff/nobody', pattern: '/api/staff/:id', body: { name: 'Nobody' }, may: ['admin'] },
    { method: 'POST', path: '/api/staff/nobody/reset-pin', pattern: '/api/staff/:id/reset-pin', may: ['admin'] },
    // Public: a one-time PIN's holder has no token. A weak new PIN is 400 weak_pin before any PIN is checked (no scrypt, no lock).
    { method: 'POST', path: '/api/auth/pin', pattern: '/api/auth/pin', body: { pin: '999999', newPin: '111111' }, may: EVERYONE },
    { method: 'POST', path: '/api/auth/logout', pattern: '/api/auth/logout', may: ANY_TOKEN },
  ];
}

describe('role matrix', () => {
  it('covers every API route of the table, and lets in whom the table says', () => {
    const matrix = new Map(cases().map((c) => [`${c.method} ${c.pattern}`, c.may]));
    const differ: string[] = [];
    // The live feed checks its token on the socket: it has its own matrix below.
    for (const r of ROUTES.filter((x) => x.path.startsWith('/api/') && x.produces !== 'websocket')) {
      const may = matrix.get(`${r.method} ${r.path}`);
      const table: Who[] = r.access === 'public' ? EVERYONE : [...r.access.grants];
      if (!may) differ.push(`${r.method} ${r.path}: not in the matrix`);
      else if ([...may].sort().join() !== [...table].sort().join()) differ.push(`${r.method} ${r.path}: matrix ${may.join()} / table ${table.join()}`);
    }
    expect(differ).toEqual([]);
    expect(matrix.size).toBeGreaterThan(80);
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
    // Every route as every caller, one after another: a loaded machine needs longer than the default.
  }, 60_000);
});

function recordsRows(): RouteCase[] {
  const MSA: Who[] = ['manager', 'supervisor', 'admin'];
  const MS: Who[] = ['manager', 'supervisor'];
  const row = (method: string, pattern: string, may: Who[], body?: unknown, path = pattern.replace(':id', 'nope').replace(':kind', 'patrol')): RouteCase => ({ method, path, pattern, body, may });
  return [
    row('GET', '/api/checklists/templates', MSA),
    row('POST', '/api/checklists/templates/:kind', ['admin'], { items: [{ id: 'x', zh: '一', en: 'one' }] }),
    row('GET', '/api/checklists', MSA),
    row('GET', '/api/checklists/:id', MSA),
    row('POST', '/api/checklists', ['manager'], { kind: 'patrol' }),
    row('POST', '/api/checklists/:id/answers', ['manager'], { answers: [{ itemId: 'x', result: 'pass' }] }),
    row('POST', '/api/checklists/:id/complete', ['manager']),
    row('POST', '/api/checklists/:id/sign', ['supervisor'], { pin: '000000' }),
    row('POST', '/api/checklists/:id/amend', ['manager']),
    row('POST', '/api/faults/:id/repair-requested', ['manager', 'admin']),
    row('POST', '/api/faults/:id/repaired', ['manager', 'admin'], {}),
    row('GET', '/api/signoffs', ['supervisor', 'manager']),
    row('GET', '/api/worklog', MS),
    row('POST', '/api/worklog', ['manager'], { kind: 'note', text: 'matrix' }),
    row('POST', '/api/worklog/:id/answer', ['manager'], { answer: 'x' }),
    row('POST', '/api/worklog/complete-day', ['manager'], { date: '2020-01-01' }),
    row('GET', '/api/opinions', MS),
    row('POST', '/api/opinions', ['manager'], { theme: 'other', text: 'matrix' }),
    row('POST', '/api/opinions/:id/reply', ['manager'], { reply: 'x' }),
    row('POST', '/api/opinions/:id/sign', ['supervisor'], { pin: '000000' }),
    row('GET', '/api/complaints', MS),
    row('POST', '/api/complaints', ['manager'], { emotion: 'calm', calmed: true, listened: true, summary: 'matrix', ourFault: false, wants: ['vent'], solvableOnSpot: true, reasonable: true }),
    row('POST', '/api/complaints/:id/resolve', ['manager'], { resolution: 'x' }),
    row('POST', '/api/complaints/:id/sign', ['supervisor'], { pin: '000000' }),
    row('GET', '/api/notebook', MS),
    row('POST', '/api/notebook', ['manager'], { kind: 'phone', number: '13800000000', title: '王先生' }),
    row('POST', '/api/notebook/lookup', ['manager', 'teller'], { kind: 'phone', number: '13800000000' }),
    row('GET', '/api/notebook/export', ['manager', 'admin']),
    row('POST', '/api/notebook/import', ['manager', 'admin'], { format: 'nope' }),
    row('GET', '/api/cards', MS),
    row('POST', '/api/cards', ['manager'], { kind: 'care', title: '李女士', need: 'x', assignedTo: 'wm' }),
    row('POST', '/api/cards/:id/follow-up', ['manager'], { note: 'x' }),
    row('POST', '/api/cards/:id/close', ['manager'], { outcome: 'x' }),
    // Fraud interventions (issue 14): the keepers record and correct them, a supervisor signs.
    row('GET', '/api/fraud/interventions', MS),
    row('POST', '/api/fraud/interventions', MS, { outcome: 'dissuaded', amountBand: 'unknown', note: 'matrix' }),
    row('PATCH', '/api/fraud/interventions/:id', MS, { note: 'x' }),
    row('POST', '/api/fraud/interventions/:id/sign', ['supervisor'], { pin: '000000' }),
    row('GET', '/api/reports/daily.csv', MSA, undefined, '/api/reports/daily.csv?date=2026-01-01'),
    row('GET', '/api/reports/monthly', MSA, undefined, '/api/reports/monthly?month=2026-01'),
    row('GET', '/api/reports/monthly.csv', MSA, undefined, '/api/reports/monthly.csv?month=2026-01'),
    // Teller figures: a teller too, cut to their own row (staff-report.test.ts).
    row('GET', '/api/reports/staff', STAFF, undefined, '/api/reports/staff?date=2026-01-01'),
    row('GET', '/api/reports/staff.csv', STAFF, undefined, '/api/reports/staff.csv?month=2026-01'),
  ];
}
