// A service nobody serves now, through a real hub (issue 15): before the branch opens, and
// while the rota keeps the only corporate counter away, every answer a customer or the
// console reads says "closed, opens at" (Estimate.closed) instead of leaving a number alone:
// the kiosk's queues, the ticket answer, the phone page's public ticket, the printed ticket,
// the live feed and the console's lobby. A customer may still take a ticket. Once a counter
// that serves the service opens, the mark goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeTcpPrinter, type FakeTcpPrinter } from '../../../../tests/fakes/tcp-printer.js';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { DEMO_ROTA } from '../../lobby/demo.js';

// A Tuesday, 08:30 in the hub's own zone: the demo branch opens at 09:00.
let now = new Date(2026, 2, 3, 8, 30).getTime();
let hub: TestHub;
let printer: FakeTcpPrinter;
let manager: string;
let kiosk: string;
let teller1: string;
let teller6: string;
let ticketId: string;

/** Counter 6 (VIP, then corporate: the only corporate counter) is in a meeting until 10:30. */
const ROTA = [...DEMO_ROTA, { counter: '6', from: '08:00', until: '10:30', reason: 'meeting' }];

beforeAll(async () => {
  printer = await startFakeTcpPrinter();
  hub = await startTestHub({ clock: () => now, printer: printer.uri });
  [manager, teller1, teller6] = (await Promise.all(['manager', 'teller1', 'teller6'].map((s) => hub.login(s)))) as [string, string, string];
  kiosk = await hub.device('kiosk');
  expect((await hub.api('PUT', '/api/settings/rota', { token: manager, body: { rota: ROTA } })).status).toBe(200);
  // A new ticket's estimate is kept for a second of the hub's clock (new-ticket.ts); this one stands still.
  now += 2000;
}, 60_000);
afterAll(async () => {
  await hub.close();
  await printer.close();
});

const queues = async (token: string) => (await hub.api('GET', '/api/lobby', { token })).body.queues as { service: string; estimate: { closed?: { opensAt: string | null } } }[];
const closedOf = async (token: string) => Object.fromEntries((await queues(token)).map((q) => [q.service, q.estimate.closed ?? null]));

interface Feed {
  socket: WebSocket;
  messages: any[];
}
async function feedFor(token: string): Promise<Feed> {
  const socket = new WebSocket(hub.url.replace('http', 'ws') + '/api/live');
  const feed: Feed = { socket, messages: [] };
  socket.on('message', (raw) => feed.messages.push(JSON.parse(raw.toString())));
  await new Promise<void>((resolve) => socket.on('open', () => resolve()));
  socket.send(JSON.stringify({ token }));
  await until(() => feed.messages.length > 0);
  return feed;
}
async function until(ok: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a service nobody serves now', () => {
  it('before opening: every queue on the kiosk is closed, opening at 09:00 or at the end of the rota pause', async () => {
    expect(await closedOf(kiosk)).toEqual({ cash: { opensAt: '09:00' }, noncash: { opensAt: '09:00' }, corporate: { opensAt: '10:30' }, vip: { opensAt: '10:30' } });
  });

  it('a customer may still take a ticket; its answer, the phone page and the printed ticket say when it opens', async () => {
    const issued = await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'corporate' } });
    expect(issued.status).toBe(200);
    ticketId = issued.body.ticket.id;
    expect(issued.body.ticket.estimate).toMatchObject({ closed: { opensAt: '10:30' } });
    const phone = await hub.api('GET', `/api/public/tickets/${ticketId}`);
    expect(phone.body.estimate).toMatchObject({ closed: { opensAt: '10:30' } });
    expect((await hub.api('POST', `/api/tickets/${ticketId}/print`, { token: kiosk })).body).toMatchObject({ printed: true });
    await printer.waitForJobs(1);
    const text = new TextDecoder('gb18030').decode(printer.printed());
    expect(text).toContain('对公业务窗口暂未开放');
    expect(text).toContain('Expected to open at 10:30');
    expect(text).not.toContain('Estimated wait');
  });

  it('the console sees it on the ticket and the queue', async () => {
    const lobby = (await hub.api('GET', '/api/lobby', { token: manager })).body;
    expect(lobby.tickets.find((t: { id: string }) => t.id === ticketId).estimate).toMatchObject({ closed: { opensAt: '10:30' } });
    expect(lobby.queues.find((q: { service: string }) => q.service === 'corporate').estimate.closed).toEqual({ opensAt: '10:30' });
  });

  it('the live feed carries it, and drops it for a service once a counter serving it opens', async () => {
    const kioskFeed = await feedFor(kiosk);
    const managerFeed = await feedFor(manager);
    try {
      const snapshot = kioskFeed.messages[0];
      expect(snapshot.queues.find((q: { service: string }) => q.service === 'corporate').estimate.closed).toEqual({ opensAt: '10:30' });
      now = new Date(2026, 2, 3, 9, 5).getTime();
      expect((await hub.api('POST', '/api/counters/1/open', { token: teller1 })).status).toBe(200);
      await until(() => kioskFeed.messages.some((m) => m.type === 'counter.opened') && managerFeed.messages.some((m) => m.type === 'counter.opened'));
      const opened = kioskFeed.messages.find((m) => m.type === 'counter.opened');
      const byService = Object.fromEntries(opened.queues.map((q: { service: string; estimate: { closed?: unknown } }) => [q.service, q.estimate.closed ?? null]));
      // Counter 1 serves cash and non-cash; corporate still waits for counter 6's meeting to end.
      expect(byService).toEqual({ cash: null, noncash: null, corporate: { opensAt: '10:30' }, vip: { opensAt: '10:30' } });
      expect(managerFeed.messages.find((m) => m.type === 'counter.opened').estimates[ticketId]).toMatchObject({ closed: { opensAt: '10:30' } });
    } finally {
      kioskFeed.socket.close();
      managerFeed.socket.close();
    }
  });

  it('after opening with no counter and no rota entry, it is closed with no time; once counter 6 opens, a number again', async () => {
    expect((await hub.api('PUT', '/api/settings/rota', { token: manager, body: { rota: DEMO_ROTA } })).status).toBe(200);
    now += 2000;
    expect((await closedOf(kiosk)).corporate).toEqual({ opensAt: null });
    now = new Date(2026, 2, 3, 10, 30).getTime();
    // Two hours on, the morning's sign-ins have idled out.
    teller6 = await hub.login('teller6');
    manager = await hub.login('manager');
    expect((await hub.api('POST', '/api/counters/6/open', { token: teller6 })).status).toBe(200);
    expect(await closedOf(kiosk)).toEqual({ cash: null, noncash: null, corporate: null, vip: null });
    const ticket = (await hub.api('GET', `/api/tickets/${ticketId}`, { token: manager })).body.ticket;
    expect(ticket.estimate).not.toHaveProperty('closed');
    expect(ticket.estimate.high).toBeGreaterThanOrEqual(ticket.estimate.low);
  });
});
