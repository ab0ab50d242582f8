// A full disk, made the way SQLite itself meets one: the hub's connection is capped a few
// pages above its size (PRAGMA max_page_count), so the next writes fail with SQLITE_FULL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { verifyLedger } from '../ledger/index.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await hub.close();
});

/** A live feed's messages after its snapshot. */
async function feed(token: string): Promise<{ messages: any[]; close(): void }> {
  const ws = new WebSocket(`${hub.url.replace('http', 'ws')}/api/live?token=${token}`);
  const messages: any[] = [];
  await new Promise((r) => ws.once('message', r));
  ws.on('message', (m) => messages.push(JSON.parse(m.toString())));
  return { messages, close: () => ws.close() };
}

function fillDisk(): void {
  const db = hub.hub.ledger.db;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages + 1}`);
  // Then the room left in the pages: small events until even one no longer fits, so that
  // whatever the hub writes next (a ticket, the storage alert itself) meets the full disk.
  for (let i = 0; i < 100_000; i++) {
    try {
      hub.hub.ledger.append([{ event: { type: 'settings.changed', key: 't', value: '' }, actor: null }], Date.now());
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_FULL') return;
      throw err;
    }
  }
  throw new Error('the disk never filled');
}

function freeDisk(): void {
  hub.hub.ledger.db.pragma('max_page_count = 1073741823');
}

const countTickets = () => (hub.hub.ledger.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

describe('a full disk', () => {
  it('answers writes 503 storage_full with nothing written, keeps serving reads, logs a line and alerts the manager', async () => {
    const manager = await hub.login('manager');
    const kiosk = await hub.device('kiosk');
    const first = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } });
    expect(first.status).toBe(200);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const managerFeed = await feed(manager);
    const displayFeed = await feed(await hub.device('display'));

    fillDisk();
    // The first writes may still fit in the pages' free space; within a few the disk is full.
    let refused: { status: number; body: any } | null = null;
    let answered = 1;
    for (let i = 0; i < 200 && !refused; i++) {
      const seq = hub.hub.lastSeq();
      const tickets = countTickets();
      const res = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash', priority: 'normal' } });
      if (res.status === 200) {
        answered += 1;
        continue;
      }
      refused = res;
      // Nothing half written: no event, no projection row, no ticket in the live state.
      expect(hub.hub.lastSeq()).toBe(seq);
      expect(countTickets()).toBe(tickets);
    }
    expect(refused).not.toBeNull();
    expect(refused!.status).toBe(503);
    expect(refused!.body).toEqual({ error: { code: 'storage_full', message: expect.stringContaining('disk is full') } });
    expect(Object.keys(hub.hub.state.tickets)).toHaveLength(answered);

    // Another write route, a person's this time: signing in is recorded, so it is refused too.
    const login = await hub.api('POST', '/api/auth/login', { body: { staffId: 'teller1', pin: '000000' } });
    expect(login).toMatchObject({ status: 503, body: { error: { code: 'storage_full' } } });

    // Reads are served.
    expect((await hub.api('GET', '/api/lobby', { token: manager })).status).toBe(200);
    expect((await hub.api('GET', `/api/tickets/${first.body.ticket.id}`, { token: kiosk })).body.ticket.number).toBe('A001');
    const alerts = await hub.api('GET', '/api/alerts', { token: manager });
    expect(alerts.status).toBe(200);
    const storage = alerts.body.alerts.filter((a: any) => a.kind === 'storage_full');
    expect(storage).toHaveLength(1);
    expect(storage[0]).toMatchObject({ acknowledgedAt: null, resolvedAt: null });

    // Pushed to the manager's feed at once; a display hears nothing of it.
    await new Promise((r) => setTimeout(r, 100));
    expect(managerFeed.messages.filter((m) => m.type === 'alert.held')).toEqual([{ type: 'alert.held', seq: hub.hub.lastSeq(), id: storage[0].id, kind: 'storage_full' }]);
    expect(JSON.stringify(displayFeed.messages)).not.toContain('storage_full');
    managerFeed.close();
    displayFeed.close();

    // A line in the log per refused write: the route, no request data.
    const lines = errors.mock.calls.map((c) => c.join(' ')).filter((l) => l.includes('storage full'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/storage full \(SQLITE_FULL\): POST \/api\/tickets refused with 503/);
    expect(lines.join('\n')).not.toMatch(/cash|teller1|000000|Bearer/);

    // The alert could not be written while the disk was full…
    const inLedger = () => hub.hub.ledger.readEventsOfType('alert.raised').filter((e) => e.type === 'alert.raised' && e.alert.kind === 'storage_full');
    expect(inLedger()).toHaveLength(0);
    // …and is recorded, with the same id, by the first write that succeeds again.
    freeDisk();
    const after = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } });
    expect(after.status).toBe(200);
    expect(inLedger().map((e) => (e.type === 'alert.raised' ? e.alert.id : ''))).toEqual([storage[0].id]);
    // It stays open until the manager acknowledges it: a full disk needs a person.
    const ack = await hub.api('POST', `/api/alerts/${storage[0].id}/ack`, { token: manager });
    expect(ack.status).toBe(200);
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
  });

  it('refuses an acknowledgement while the disk is full', async () => {
    const manager = await hub.login('manager');
    const alert = hub.alerts.raise({ kind: 'counter_idle', key: 'idle:test', counter: '1' }, null);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fillDisk();
    // Fill the last pages with alerts the hub raises itself: held, not thrown.
    for (let i = 0; i < 200 && hub.alerts.heldCount() === 0; i++) hub.alerts.raise({ kind: 'counter_idle', key: `idle:fill:${i}`, counter: '1' }, null);
    expect(hub.alerts.heldCount()).toBeGreaterThan(0);
    const ack = await hub.api('POST', `/api/alerts/${alert.id}/ack`, { token: manager });
    expect(ack).toMatchObject({ status: 503, body: { error: { code: 'storage_full' } } });
    expect(hub.alerts.list().find((a) => a.id === alert.id)?.acknowledgedAt).toBeNull();
  });
});
