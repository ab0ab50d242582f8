// Impossible dates are refused everywhere with the field named and nothing written; what
// fastify and Node refuse before a route runs still speaks the error shape; and each request
// the fuzzer (tests/fuzz) once broke the hub with stays answered.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { databaseFingerprint } from '../fuzz/fuzz-hub.js';

let hub: TestHub;
let manager: string;
let admin: string;
let kiosk: string;

beforeAll(async () => {
  hub = await startTestHub();
  manager = await hub.login('manager');
  admin = await hub.login('admin');
  kiosk = await hub.device('kiosk');
});
afterAll(() => hub.close());

function expectShape(res: { status: number; body: any }, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
}

/** Sends bytes as they are and reads the whole answer: for what no HTTP client would send. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(hub.port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.on('data', (c) => (answer += c.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function jsonOf(raw: string): unknown {
  return JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
}

describe('impossible dates', () => {
  const reads: [string, string][] = [
    ['/api/reports/daily?date=2026-13-45', 'date'],
    ['/api/reports/daily.csv?date=2026-13-45', 'date'],
    ['/api/reports/daily?date=0000-00-00', 'date'],
    ['/api/reports/daily?date=2026-02-30', 'date'],
    ['/api/reports/monthly?month=2026-13', 'month'],
    ['/api/reports/monthly.csv?month=0000-00', 'month'],
    ['/api/reports/staff?date=2026-02-30', 'date'],
    ['/api/reports/staff.csv?month=2026-13', 'month'],
    ['/api/complaints?from=2026-99-99', 'from'],
    ['/api/complaints?to=2026-02-30', 'to'],
    ['/api/opinions?from=2026-99-99', 'from'],
    ['/api/worklog?date=2026-99-99', 'date'],
    ['/api/checklists?date=2026-02-30', 'date'],
  ];
  it.each(reads)('GET %s is 400 invalid_request naming %s', async (url, field) => {
    const res = await hub.api('GET', url, { token: manager });
    expectShape(res, 400, 'invalid_request');
    expect(res.body.error.message).toMatch(new RegExp(`^${field}: not a real`));
  });

  const writes: [string, string, object, string][] = [
    ['manager', '/api/checklists', { kind: 'opening', date: '2026-02-30' }, 'date'],
    ['manager', '/api/worklog', { kind: 'note', text: 'x', date: '2026-13-01' }, 'date'],
    ['manager', '/api/worklog', { kind: 'question', text: 'x', followUpDue: '2026-04-31' }, 'followUpDue'],
    ['manager', '/api/worklog/complete-day', { date: '0000-00-00' }, 'date'],
    ['manager', '/api/opinions', { theme: 'waiting', text: 'x', date: '2026-02-29' }, 'date'],
    ['manager', '/api/cards', { kind: 'care', title: '王先生', need: 'x', assignedTo: 'manager', dueDate: '2026-06-31' }, 'dueDate'],
    ['manager', '/api/day/open', { date: '2026-02-30' }, 'date'],
    ['manager', '/api/tickets', { service: 'cash', priority: 'appointment', appointmentAt: '2026-02-30T10:00:00+08:00' }, 'appointmentAt'],
    ['admin', '/api/appointments', { service: 'cash', at: '2026-13-02T10:00:00Z' }, 'at'],
    ['manager', '/api/complaints', { emotion: 'calm', calmed: true, listened: true, summary: 'x', ourFault: false, wants: ['fix'], solvableOnSpot: false, reasonable: true, promisedAt: '2026-02-31T09:00:00+08:00' }, 'promisedAt'],
  ];
  it.each(writes)('as %s, POST %s with an impossible %s… is 400 and stores nothing', async (who, url, body, field) => {
    const token = who === 'admin' ? admin : manager;
    const before = databaseFingerprint(hub.hub.ledger.db);
    const res = await hub.api('POST', url, { token, body });
    expectShape(res, 400, 'invalid_request');
    expect(res.body.error.message.startsWith(`${field}: not a`)).toBe(true);
    expect(databaseFingerprint(hub.hub.ledger.db)).toEqual(before);
  });

  it('still takes real days: a leap day, a month, a range', async () => {
    expect((await hub.api('GET', '/api/reports/daily?date=2024-02-29', { token: manager })).status).toBe(200);
    expect((await hub.api('GET', '/api/reports/monthly?month=2026-02', { token: manager })).status).toBe(200);
    expect((await hub.api('GET', '/api/complaints?from=2026-02-01&to=2026-02-28', { token: manager })).status).toBe(200);
  });
});

describe('framework errors in the error shape', () => {
  it('a bad URL encoding is 400 bad_url', async () => {
    expectShape(await hub.api('GET', '/api/tickets/%E0%A4%A', { token: manager }), 400, 'bad_url');
  });

  it('an overlong path parameter or address is 414 uri_too_long', async () => {
    expectShape(await hub.api('GET', `/api/tickets/${'a'.repeat(300)}`, { token: manager }), 414, 'uri_too_long');
    expectShape(await hub.api('GET', `/api/reports/daily?date=${'9'.repeat(5000)}`, { token: manager }), 414, 'uri_too_long');
  });

  it('a body of another type is 415, one too large 413', async () => {
    expectShape(await hub.api('POST', '/api/tickets', { token: kiosk, raw: 'service=cash', contentType: 'text/plain' }), 415, 'unsupported_media_type');
    expectShape(await hub.api('POST', '/api/tickets', { token: kiosk, raw: JSON.stringify({ service: 'x'.repeat(70_000) }) }), 413, 'body_too_large');
  });

  it('a body with a prototype key is 400 bad_json, and writes nothing', async () => {
    const before = databaseFingerprint(hub.hub.ledger.db);
    expectShape(await hub.api('POST', '/api/tickets', { token: kiosk, raw: '{"service":"cash","__proto__":{"priority":"vip"}}' }), 400, 'bad_json');
    expectShape(await hub.api('POST', '/api/tickets', { token: kiosk, raw: '{"service":"cash","constructor":{"prototype":{"x":1}}}' }), 400, 'bad_json');
    expect(databaseFingerprint(hub.hub.ledger.db)).toEqual(before);
  });

  it('headers too large are 431 headers_too_large, a whole HTTP answer with the JSON body', async () => {
    const raw = await rawExchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`);
    expect(raw.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect(raw).toMatch(/content-type: application\/json/i);
    expect(jsonOf(raw)).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
  });

  it('a request that is not HTTP is 400 bad_request in the shape', async () => {
    const raw = await rawExchange('GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
    expect(raw.startsWith('HTTP/1.1 400 ')).toBe(true);
    expect(jsonOf(raw)).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
  });

  it('an unknown route is 404 not_found; a known one with another method 405, naming the methods it takes', async () => {
    expectShape(await hub.api('GET', '/api/nothing-here', { token: manager }), 404, 'not_found');
    expectShape(await hub.api('PATCH', '/api/health'), 405, 'method_not_allowed');
    const res = await fetch(`${hub.url}/api/tickets/any-id/recall`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: expect.any(String) } });
  });
});

describe('what the fuzzer found', () => {
  it('a plain GET of the live feed (no WebSocket upgrade) is a 404 in the shape, not an empty body', async () => {
    expectShape(await hub.api('GET', '/api/live'), 404, 'not_found');
  });

  it('ids named like an object property (hasOwnProperty, constructor, __proto__) name no ticket or counter: 404, not 500', async () => {
    for (const id of ['hasOwnProperty', 'constructor', '__proto__', 'toString']) {
      expectShape(await hub.api('GET', `/api/tickets/${id}`, { token: manager }), 404, 'unknown_ticket');
      expectShape(await hub.api('POST', `/api/tickets/${id}/recall`, { token: manager }), 404, 'unknown_ticket');
      expect((await hub.api('POST', `/api/counters/${id}/pause`, { token: manager, body: { reason: 'lunch' } })).status).toBe(404);
    }
    const rota = await hub.api('PUT', '/api/settings/rota', { token: manager, body: { rota: [{ counter: 'constructor', from: '11:30', until: '12:30' }] } });
    expectShape(rota, 400, 'unknown_counter');
  });
});
