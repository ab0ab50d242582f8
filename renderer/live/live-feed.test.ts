import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveFeed, liveUrl, type Connection } from './live-feed';
import type { LobbyView } from './lobby-state';

/** Just enough of a WebSocket for LiveFeed: the test pushes frames and closes it. */
class FakeSocket {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  send(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  close() {
    this.closed = true;
  }
  drop() {
    this.onclose?.();
  }
}

const snap = (seq: number) => ({
  type: 'snapshot',
  seq,
  branch: { nameZh: 'x', nameEn: 'x' },
  day: null,
  queues: [],
  counters: [],
  tickets: [],
});
const ev = (seq: number) => ({ type: 'ticket.issued', seq, at: '', data: {}, queues: [], counters: [], tickets: [] });

describe('LiveFeed', () => {
  let sockets: FakeSocket[];
  let states: LobbyView[];
  let connections: Connection[];
  let feed: LiveFeed;
  let rejected: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    states = [];
    connections = [];
    rejected = [];
    feed = new LiveFeed({
      token: 't',
      onState: (s) => states.push(s),
      onConnection: (c) => connections.push(c),
      onRejected: (code) => rejected.push(code),
      socketFactory: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    });
    feed.start();
  });
  afterEach(() => {
    feed.stop();
    vi.useRealTimers();
  });

  it('goes live on the snapshot and follows events', () => {
    expect(connections).toEqual(['connecting']);
    sockets[0]!.send(snap(5));
    sockets[0]!.send(ev(6));
    expect(connections).toEqual(['connecting', 'live']);
    expect(states.map((s) => s.seq)).toEqual([5, 6]);
  });

  it('reopens at once on a gap and takes the new snapshot', () => {
    sockets[0]!.send(snap(5));
    sockets[0]!.send(ev(7));
    expect(sockets[0]!.closed).toBe(true);
    expect(sockets).toHaveLength(2);
    expect(connections.at(-1)).toBe('reconnecting');
    sockets[1]!.send(snap(7));
    expect(connections.at(-1)).toBe('live');
    expect(states.at(-1)?.seq).toBe(7);
  });

  it('reconnects after a close with growing delays', () => {
    sockets[0]!.drop();
    expect(connections.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
  });

  it('stops for good when the hub refuses the token', () => {
    sockets[0]!.send({ type: 'error', error: { code: 'invalid_token', message: 'no' } });
    expect(rejected).toEqual(['invalid_token']);
    expect(sockets[0]!.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('builds a same-origin URL with ws: or wss:, and no token in it', () => {
    expect(liveUrl({ protocol: 'http:', host: 'hub:8080' })).toBe('ws://hub:8080/api/live');
    expect(liveUrl({ protocol: 'https:', host: 'hub' })).toBe('wss://hub/api/live');
  });
});

describe('the token', () => {
  it('goes in the first message once the socket opens', () => {
    const sent: string[] = [];
    const socket = { send: (m: string) => sent.push(m), close: () => undefined } as unknown as WebSocket;
    const feed = new LiveFeed({ token: 'secret', onState: () => undefined, onConnection: () => undefined, socketFactory: () => socket });
    feed.start();
    expect(sent).toEqual([]);
    socket.onopen?.(new Event('open'));
    expect(sent.map((m) => JSON.parse(m))).toEqual([{ token: 'secret' }]);
    feed.stop();
  });
});
