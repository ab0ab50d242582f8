// The watcher against a real hub (SQLite, HTTP on loopback) with a clock the test moves.
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../common/alerts.js';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

const MIN = 60_000;
let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

async function setUp() {
  let now = Date.parse('2026-03-02T09:00:00+08:00');
  hub = await startTestHub({ clock: () => now });
  const manager = await hub.login('manager');
  const teller = await hub.login('teller1');
  const h = hub;
  const alerts = async (): Promise<Alert[]> => (await h.api('GET', '/api/alerts', { token: manager })).body.alerts;
  const open = async (kind: string) => (await alerts()).filter((a) => a.kind === kind && a.acknowledgedAt === null && a.resolvedAt === null);
  return { h, manager, teller, alerts, open, advance: (ms: number) => (now += ms) };
}

describe('lobby watcher', () => {
  it('raises wait_over_target on the timer sweep, keeps quiet once acknowledged, resolves what cleared', async () => {
    const { h, manager, teller, open, alerts, advance } = await setUp();
    // Counter 1 open so the estimate stays modest; the cash target is 10 minutes.
    await h.api('POST', '/api/counters/1/open', { token: teller });
    const busy = (await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).body.ticket;
    await h.api('POST', '/api/counters/1/call-next', { token: teller });
    const waiting = (await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).body.ticket;
    expect(await open('wait_over_target')).toEqual([]);

    advance(11 * MIN);
    h.watcher.sweep();
    const [alert] = await open('wait_over_target');
    expect(alert).toMatchObject({ key: `wait:${waiting.id}`, ticket: waiting.number, details: { service: 'cash', target: 10, minutes: 11 } });

    await h.api('POST', `/api/alerts/${alert!.id}/ack`, { token: manager });
    advance(MIN);
    h.watcher.sweep();
    expect((await alerts()).filter((a) => a.key === `wait:${waiting.id}`)).toHaveLength(1);

    // The busy ticket finishes and the waiting one is called: nothing to nag about.
    await h.api('POST', `/api/tickets/${busy.id}/start`, { token: teller });
    await h.api('POST', `/api/tickets/${busy.id}/finish`, { token: teller });
    await h.api('POST', '/api/counters/1/call-next', { token: teller });
    expect(await open('wait_over_target')).toEqual([]);
  });

  it('raises repeated_recall on the change itself and resolves it when the customer comes', async () => {
    const { h, manager, teller, open } = await setUp();
    await h.api('POST', '/api/counters/1/open', { token: teller });
    const t = (await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).body.ticket;
    await h.api('POST', '/api/counters/1/call-next', { token: teller });
    await h.api('POST', `/api/tickets/${t.id}/recall`, { token: teller });
    expect(await open('repeated_recall')).toEqual([]);
    await h.api('POST', `/api/tickets/${t.id}/recall`, { token: teller });
    expect(await open('repeated_recall')).toMatchObject([{ key: `recall:${t.id}`, ticket: t.number, counter: '1', details: { recalls: 2 } }]);
    await h.api('POST', `/api/tickets/${t.id}/start`, { token: teller });
    expect(await open('repeated_recall')).toEqual([]);
  });

  it('flags a counter idle while its queue waits, and the estimate over the threshold', async () => {
    const { h, manager, teller, open, advance } = await setUp();
    await h.api('POST', '/api/counters/1/open', { token: teller });
    for (let i = 0; i < 8; i += 1) await h.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } });
    advance(3 * MIN);
    h.watcher.sweep();
    expect(await open('counter_idle')).toMatchObject([{ key: 'idle:1', counter: '1', details: { waiting: 8 } }]);
    // Eight cash customers at one counter: a new one would wait well past ten minutes.
    expect((await open('estimate_over_threshold')).map((a) => a.key)).toContain('estimate:cash');
    await h.api('POST', '/api/counters/1/call-next', { token: teller });
    expect(await open('counter_idle')).toEqual([]);
  });

  it('raises no estimate alert for a service nobody serves now (its counters closed), though its stand-in minutes are over the threshold', async () => {
    const { h, manager, teller, open, advance } = await setUp();
    await h.api('POST', '/api/counters/1/open', { token: teller });
    // Counter 6, the only corporate counter, is closed: two corporate customers wait for it.
    for (let i = 0; i < 2; i += 1) await h.api('POST', '/api/tickets', { token: manager, body: { service: 'corporate' } });
    const queues = (await h.api('GET', '/api/lobby', { token: manager })).body.queues as { service: string; estimate: { minutes: number; closed?: unknown } }[];
    const corporate = queues.find((q) => q.service === 'corporate')!;
    expect(corporate.estimate.closed).toBeDefined();
    expect(corporate.estimate.minutes).toBeGreaterThan(10);
    advance(MIN);
    h.watcher.sweep();
    expect((await open('estimate_over_threshold')).map((a) => a.key)).not.toContain('estimate:corporate');
  });
});
