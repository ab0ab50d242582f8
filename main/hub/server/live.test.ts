// The live feed: a snapshot with its seq, then every event with seq growing by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
let kiosk: string;

beforeAll(async () => {
  hub = await startTestHub();
  kiosk = await hub.device('kiosk');
});
afterAll(() => hub.close());

function connect(token: string | null, firstMessage?: string) {
  const url = hub.url.replace('http', 'ws') + '/api/live' + (token ? `?token=${token}` : '');
  const socket = new WebSocket(url);
  const messages: any[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()));
    waiters.splice(0).forEach((w) => w());
  });
  if (firstMessage) socket.on('open', () => socket.send(firstMessage));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  async function until(n: number): Promise<any[]> {
    const deadline = Date.now() + 5000;
    while (messages.length < n) {
      if (Date.now() > deadline) throw new Error(`only ${messages.length} of ${n} messages`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
    return messages;
  }
  return { socket, messages, until, closed };
}

describe('live feed', () => {
  it('sends a snapshot, then each event with consecutive seq', async () => {
    const manager = await hub.login('manager');
    const feed = connect(manager);
    const [snapshot] = await feed.until(1);
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.seq).toBe(hub.hub.lastSeq());
    expect(snapshot.queues.map((q: { prefix: string }) => q.prefix)).toEqual(['A', 'B', 'C', 'V']);
    await hub.api('POST', '/api/tickets', { token: kiosk, body: { service: 'cash' } });
    await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'noncash', priority: 'vip' } });
    const teller = await hub.login('teller3');
    await hub.api('POST', '/api/counters/3/open', { token: teller });
    await hub.api('POST', '/api/counters/3/call-next', { token: teller });
    const all = await feed.until(1 + (hub.hub.lastSeq() - snapshot.seq));
    const events = all.slice(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => snapshot.seq + 1 + i));
    const issued = events.filter((e) => e.type === 'ticket.issued');
    expect(issued).toHaveLength(2);
    expect(issued[0].tickets[0]).toMatchObject({ number: 'A001', status: 'waiting', estimate: expect.any(Object) });
    const called = events.find((e) => e.type === 'ticket.called');
    expect(called.data).toMatchObject({ counter: '3' });
    expect(called.queues.find((q: { prefix: string }) => q.prefix === 'B').waiting).toBe(0);
    feed.socket.close();
  });

  it('strips customer and staff data from a display feed', async () => {
    const display = await hub.device('display');
    const feed = connect(display);
    const [snapshot] = await feed.until(1);
    const before = snapshot.seq;
    await hub.api('POST', '/api/tickets', { token: await hub.login('manager'), body: { service: 'vip', priority: 'vip' } });
    const teller = await hub.login('teller6');
    await hub.api('POST', '/api/counters/6/open', { token: teller });
    const messages = await feed.until(1 + (hub.hub.lastSeq() - before));
    const text = JSON.stringify(messages);
    expect(text).not.toContain('teller6');
    expect(text).not.toContain('"priority"');
    expect(text).not.toContain('"estimates"');
    expect(messages.slice(1).map((m) => m.seq)).toEqual(messages.slice(1).map((_, i) => before + 1 + i));
    feed.socket.close();
  });

  it('takes the token as the first message, and refuses a bad one', async () => {
    const manager = await hub.login('manager');
    const good = connect(null, JSON.stringify({ token: manager }));
    expect((await good.until(1))[0].type).toBe('snapshot');
    good.socket.close();
    const bad = connect('nonsense');
    const [refusal] = await bad.until(1);
    expect(refusal).toEqual({ type: 'error', error: { code: 'invalid_token', message: expect.any(String) } });
    expect(await bad.closed).toBe(4401);
  });

  it('lets one address hold only a few sockets that have not sent their token, and frees a place when one closes', async () => {
    const silent = Array.from({ length: 20 }, () => connect(null));
    await Promise.all(silent.map((c) => new Promise((r) => c.socket.once('open', r))));
    const one = connect(null);
    const [refusal] = await one.until(1);
    expect(refusal).toMatchObject({ type: 'error', error: { code: 'too_many_connections' } });
    expect(await one.closed).toBe(4401);
    silent[0]!.socket.close();
    await silent[0]!.closed;
    const manager = await hub.login('manager');
    const next = connect(null, JSON.stringify({ token: manager }));
    expect((await next.until(1))[0].type).toBe('snapshot');
    next.socket.close();
    for (const c of silent.slice(1)) c.socket.close();
  });
});
