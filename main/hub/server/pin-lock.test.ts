// Wrong PINs against a real hub on loopback: parallel attempts each count, a lock refuses even
// the right PIN, from one address only until many addresses together lock the ID everywhere,
// signing shares the locks, runs of failures decay, a flood writes a bounded audit, a terminal
// is limited by its own address only, an admin lifts both kinds of lock, and a lock runs out.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { pinGuardOf } from '../auth/pin-guard.js';
import type { HubOptions } from './context.js';

const THROTTLE = { baseDelayMs: 1, maxDelayMs: 4, lockAfter: 5, lockMs: 60_000 };
const UNLIMITED = { max: 10_000, windowMs: 60_000 };
const AUDIT = { windowMs: 60_000, maxUnknownIds: 1000 };
const WRONG = '123456';
const RIGHT = '000000';

let hub: TestHub;
afterEach(() => hub?.close());

async function start(options: Partial<HubOptions> = {}, clock?: () => number): Promise<TestHub> {
  hub = await startTestHub({ options: { throttle: THROTTLE, pinRateLimit: UNLIMITED, failureAudit: AUDIT, ...options }, ...(clock ? { clock } : {}) });
  return hub;
}

interface Answer {
  status: number;
  body: any;
  retryAfter: string | undefined;
}

/** A request from a chosen loopback address (all of 127/8 is loopback on Linux). */
function request(method: string, url: string, opts: { from?: string; token?: string; body?: unknown } = {}): Promise<Answer> {
  const target = new URL(hub.url + url);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method,
        localAddress: opts.from ?? '127.0.0.1',
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const login = (staffId: string, pin: string, from?: string) => request('POST', '/api/auth/login', { from, body: { staffId, pin } });
const tally = (answers: Answer[]) => answers.reduce<Record<string, number>>((acc, a) => ({ ...acc, [`${a.status} ${a.body?.error?.code ?? 'ok'}`]: (acc[`${a.status} ${a.body?.error?.code ?? 'ok'}`] ?? 0) + 1 }), {});
const eventsSince = (seq: number) => hub.hub.ledger.readEvents(seq + 1);

/** `count` wrong PINs for `staffId` from each address, all in parallel. */
const wrongFrom = (staffId: string, addresses: string[], count: number) =>
  Promise.all(addresses.flatMap((from) => Array.from({ length: count }, () => login(staffId, WRONG, from))));
const FOUR_ADDRESSES = ['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14'];
const FIVE_ADDRESSES = [...FOUR_ADDRESSES, '127.0.0.15'];

describe('a lock for one address', () => {
  it('counts 30 parallel wrong PINs one each and locks the ID for that address, the right PIN included, but not for the admin at their own terminal', async () => {
    await start();
    const before = hub.hub.lastSeq();
    const answers = await Promise.all(Array.from({ length: 30 }, () => login('admin', WRONG, '127.0.0.1')));
    expect(tally(answers)).toEqual({ '401 wrong_pin': 5, '429 account_locked': 25 });

    const right = await login('admin', RIGHT, '127.0.0.1');
    expect(right.status).toBe(429);
    expect(right.body).toEqual({ error: { code: 'account_locked', message: expect.stringContaining('minute') } });

    // The admin at another terminal signs in, and sees the lock with the attacker's address.
    const own = await login('admin', RIGHT, '127.0.0.2');
    expect(own.status).toBe(200);
    const locked = eventsSince(before).filter((e) => e.type === 'auth.locked');
    expect(locked).toEqual([expect.objectContaining({ staffId: 'admin', source: '127.0.0.1', until: expect.any(Number) })]);
    expect(locked[0]!.until - locked[0]!.at).toBeGreaterThan(THROTTLE.lockMs - 5_000);
    expect(locked[0]!.until - locked[0]!.at).toBeLessThanOrEqual(THROTTLE.lockMs);
    const locks = await request('GET', '/api/staff/locks', { from: '127.0.0.2', token: own.body.token });
    expect(locks.body.locks).toEqual([{ staffId: 'admin', role: 'admin', source: '127.0.0.1', lockedUntil: locked[0]!.until, failures: 5 }]);
    // The admin's own sign-in did not lift the attacker's lock.
    expect((await login('admin', RIGHT, '127.0.0.1')).status).toBe(429);
  });

  it('counts parallel wrong signing PINs towards the same lock, which then keeps the supervisor from signing and signing in there, not elsewhere', async () => {
    await start();
    const manager = await hub.login('manager');
    const supervisor = await hub.login('supervisor');
    await hub.api('POST', '/api/day/open', { token: manager });
    const c = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'opening' } })).body.checklist;
    await hub.api('POST', `/api/checklists/${c.id}/answers`, { token: manager, body: { answers: c.items.map((i: { id: string }) => ({ itemId: i.id, result: 'pass' })) } });
    expect((await hub.api('POST', `/api/checklists/${c.id}/complete`, { token: manager })).status).toBe(200);

    const sign = (pin: string, from = '127.0.0.1') => request('POST', `/api/checklists/${c.id}/sign`, { from, token: supervisor, body: { pin } });
    const answers = await Promise.all(Array.from({ length: 30 }, () => sign(WRONG)));
    expect(tally(answers)).toEqual({ '401 wrong_signing_pin': 5, '429 account_locked': 25 });
    expect((await sign(RIGHT)).body.error.code).toBe('account_locked');
    expect((await login('supervisor', RIGHT)).status).toBe(429);
    expect(hub.hub.ledger.readEvents().filter((e) => e.type === 'checklist.signed')).toEqual([]);

    expect((await sign(RIGHT, '127.0.0.2')).status).toBe(200);
  });

  it('is forgotten when the hub restarts, unlike a lock for every address', async () => {
    await start();
    await wrongFrom('teller1', ['127.0.0.1'], 5);
    await wrongFrom('manager', FIVE_ADDRESSES, 4);
    const dataDir = hub.dataDir;
    await hub.close();
    hub = await startTestHub({ dataDir, options: { throttle: THROTTLE, pinRateLimit: UNLIMITED, failureAudit: AUDIT } });
    expect((await login('teller1', RIGHT, '127.0.0.1')).status).toBe(200);
    expect((await login('manager', RIGHT, '127.0.0.1')).body.error.code).toBe('account_locked');
    expect((await login('manager', RIGHT, '127.0.0.2')).body.error.code).toBe('account_locked');
  });

  it('runs out after lockMs', async () => {
    let now = Date.UTC(2026, 0, 5, 2, 0);
    await start({}, () => now);
    await wrongFrom('teller4', ['127.0.0.1'], 5);
    now += THROTTLE.lockMs - 1;
    expect((await login('teller4', RIGHT)).status).toBe(429);
    now += 1;
    expect((await login('teller4', RIGHT)).status).toBe(200);
    // A fresh run: one wrong PIN no longer locks.
    expect((await login('teller4', WRONG)).status).toBe(401);
    expect((await login('teller4', RIGHT)).status).toBe(200);
  });
});

describe('a lock for every address', () => {
  it('locks the ID everywhere after 4 wrong PINs from each of 5 addresses, none of them locked on its own', async () => {
    await start();
    const before = hub.hub.lastSeq();
    expect(tally(await wrongFrom('supervisor', FIVE_ADDRESSES, 4))).toEqual({ '401 wrong_pin': 20 });
    const right = await login('supervisor', RIGHT, '127.0.0.2');
    expect(right.body).toEqual({ error: { code: 'account_locked', message: expect.any(String) } });
    expect((await login('supervisor', RIGHT, '127.0.0.11')).status).toBe(429);

    const locked = eventsSince(before).filter((e) => e.type === 'auth.locked');
    expect(locked).toEqual([expect.objectContaining({ staffId: 'supervisor', until: expect.any(Number) })]);
    expect(locked[0]).not.toHaveProperty('source');
    const admin = await hub.login('admin');
    expect((await hub.api('GET', '/api/staff/locks', { token: admin })).body.locks).toEqual([{ staffId: 'supervisor', role: 'supervisor', source: null, lockedUntil: locked[0]!.until, failures: 20 }]);
  });

  it('does not count a sign-in at the owner\'s terminal as a failure, nor forgive the failures from others', async () => {
    await start();
    await wrongFrom('supervisor', FOUR_ADDRESSES, 4);
    for (let i = 0; i < 5; i++) expect((await login('supervisor', RIGHT, '127.0.0.2')).status).toBe(200);
    // 16 failures so far: the next 4, from a fifth address, lock it everywhere.
    expect(tally(await wrongFrom('supervisor', ['127.0.0.15'], 4))).toEqual({ '401 wrong_pin': 4 });
    expect((await login('supervisor', RIGHT, '127.0.0.2')).status).toBe(429);
  });
});

describe('failures that decay', () => {
  it('forgets a run from one address after lockMs with no attempt, not before', async () => {
    let now = Date.UTC(2026, 0, 5, 2, 0);
    await start({}, () => now);
    await wrongFrom('teller2', ['127.0.0.1'], 4);
    now += THROTTLE.lockMs;
    expect(tally(await wrongFrom('teller2', ['127.0.0.1'], 4))).toEqual({ '401 wrong_pin': 4 });
    expect((await login('teller2', RIGHT)).status).toBe(200);

    await wrongFrom('teller2', ['127.0.0.1'], 4);
    now += THROTTLE.lockMs - 1;
    expect((await login('teller2', WRONG)).status).toBe(401);
    expect((await login('teller2', RIGHT)).status).toBe(429);
  });

  it('forgets a run over every address after lockMs with no attempt', async () => {
    let now = Date.UTC(2026, 0, 5, 2, 0);
    await start({}, () => now);
    await wrongFrom('manager', FOUR_ADDRESSES, 4);
    now += THROTTLE.lockMs;
    expect(tally(await wrongFrom('manager', FOUR_ADDRESSES, 4))).toEqual({ '401 wrong_pin': 16 });
    expect((await login('manager', RIGHT, '127.0.0.2')).status).toBe(200);
  });

  it('forgets failures from other addresses on time, however recently the owner signed in', async () => {
    let now = Date.UTC(2026, 0, 5, 2, 0);
    await start({}, () => now);
    await wrongFrom('manager', FOUR_ADDRESSES, 4);
    now += THROTTLE.lockMs - 1;
    expect((await login('manager', RIGHT, '127.0.0.2')).status).toBe(200);
    now += 1;
    expect(tally(await wrongFrom('manager', FOUR_ADDRESSES, 4))).toEqual({ '401 wrong_pin': 16 });
    expect((await login('manager', RIGHT, '127.0.0.2')).status).toBe(200);
  });
});

describe('an admin unlock', () => {
  it('lifts the locks for one address and for every address (audited), but not for a teller', async () => {
    await start();
    await wrongFrom('supervisor', ['127.0.0.1'], 6);
    await wrongFrom('supervisor', FOUR_ADDRESSES, 4);
    expect((await login('supervisor', RIGHT, '127.0.0.2')).status).toBe(429);
    const teller = await hub.login('teller1');
    const admin = await hub.login('admin');
    const locks = (await hub.api('GET', '/api/staff/locks', { token: admin })).body.locks;
    expect(locks.map((l: { source: string | null }) => l.source)).toEqual([null, '127.0.0.1']);

    const refused = await hub.api('POST', '/api/staff/supervisor/unlock', { token: teller });
    expect(refused).toEqual({ status: 403, body: { error: { code: 'forbidden', message: expect.any(String) } } });
    expect((await hub.api('GET', '/api/staff/locks', { token: teller })).status).toBe(403);
    expect((await hub.api('POST', '/api/staff/nobody/unlock', { token: admin })).body.error.code).toBe('unknown_staff');

    const before = hub.hub.lastSeq();
    expect((await hub.api('POST', '/api/staff/supervisor/unlock', { token: admin })).body).toEqual({ staffId: 'supervisor', unlocked: true });
    expect(eventsSince(before)).toEqual([expect.objectContaining({ type: 'auth.unlocked', staffId: 'supervisor', actor: 'admin' })]);
    expect((await hub.api('GET', '/api/staff/locks', { token: admin })).body.locks).toEqual([]);
    expect((await login('supervisor', RIGHT, '127.0.0.1')).status).toBe(200);
    expect((await login('supervisor', RIGHT, '127.0.0.2')).status).toBe(200);
  });
});

describe('a bounded audit of failures', () => {
  it('writes a bounded number of events for a flood of 500 wrong logins against unknown IDs', async () => {
    let now = Date.UTC(2026, 0, 5, 2, 0);
    await start({}, () => now);
    const before = hub.hub.lastSeq();
    const ids = Array.from({ length: 500 }, (_, i) => `ghost${i % 5}`);
    const answers: Answer[] = [];
    for (let i = 0; i < ids.length; i += 50) answers.push(...(await Promise.all(ids.slice(i, i + 50).map((id) => login(id, WRONG)))));
    // Unknown IDs are answered as known ones are: wrong PIN, then locked.
    expect(tally(answers)).toEqual({ '401 wrong_pin': 25, '429 account_locked': 475 });

    // During the window only its first failure is written…
    expect(eventsSince(before).map((e) => e.type)).toEqual(['auth.failures']);
    // …and when it ends, one event carries the rest.
    now += AUDIT.windowMs;
    pinGuardOf(hub.hub).audit.flushEnded();
    const events = eventsSince(before);
    expect(events).toEqual([
      expect.objectContaining({ type: 'auth.failures', staffId: null, count: 1, sources: ['127.0.0.1'], distinctIds: 1 }),
      expect.objectContaining({ type: 'auth.failures', staffId: null, count: 499, signing: 0, sources: ['127.0.0.1'], distinctIds: 5 }),
    ]);
    // Which failure comes first depends on scrypt's timing; together they are every answer.
    expect(events.reduce((n, e) => n + (e as unknown as { refused: number }).refused, 0)).toBe(475);
    expect(JSON.stringify(events)).not.toContain(WRONG);
  });

  it('keeps a bounded number of unknown IDs in memory', async () => {
    await start({ failureAudit: { windowMs: 60_000, maxUnknownIds: 10 } });
    await Promise.all(Array.from({ length: 15 }, (_, i) => login(`ghost${i}`, WRONG)));
    expect(pinGuardOf(hub.hub).attempts.unknownIdsKept).toBe(10);
  });

  it('writes one sign-in and its session per sign-in, and the failures still tallied when the hub closes', async () => {
    await start();
    const before = hub.hub.lastSeq();
    await Promise.all(Array.from({ length: 3 }, () => login('teller2', WRONG)));
    expect((await login('teller2', RIGHT)).status).toBe(200);
    expect(eventsSince(before).map((e) => e.type)).toEqual(['auth.failures', 'auth.login', 'session.started']);
    const dataDir = hub.dataDir;
    await hub.close();
    hub = await startTestHub({ dataDir });
    const tallied = eventsSince(before).filter((e) => e.type === 'auth.failures');
    expect(tallied).toEqual([expect.objectContaining({ staffId: 'teller2', count: 1 }), expect.objectContaining({ staffId: 'teller2', count: 2 })]);
  });
});

describe('a per-source limit on PIN routes', () => {
  it('limits one terminal address, never another, and never the lobby traffic', async () => {
    await start({ pinRateLimit: { max: 3, windowMs: 60_000 } });
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await login(`ghost${i}`, WRONG));
    expect(first.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(first[3]!.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(Number(first[3]!.retryAfter)).toBeGreaterThan(0);
    // Nothing about the refused attempt was counted or written: it never reached the PIN check.
    expect((await login('teller1', RIGHT)).body.error.code).toBe('rate_limited');

    const other = await login('teller1', RIGHT, '127.0.0.2');
    expect(other.status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await request('GET', '/api/lobby', { token: other.body.token })).status).toBe(200);

    // Signing is limited per source too (the limit answers before the guard and the handler).
    const supervisor = (await login('supervisor', RIGHT, '127.0.0.3')).body.token as string;
    const signs = [];
    for (let i = 0; i < 4; i++) signs.push(await request('POST', '/api/checklists/nope/sign', { from: '127.0.0.3', token: supervisor, body: { pin: WRONG } }));
    expect(signs.map((a) => a.status)).toEqual([404, 404, 404, 429]);
    expect(signs[3]!.body.error.code).toBe('rate_limited');
  });
});
