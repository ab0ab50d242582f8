// The hub's notice of an alert held in memory (its disk is full) reloads the alert list and
// leaves the lobby alone: it moves no seq, so it must neither apply nor cause a resync.
import { describe, expect, it } from 'vitest';
import { LiveFeed } from './live-feed';
import type { LobbyView } from './lobby-state';

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
}

describe('LiveFeed: held alerts', () => {
  it('calls onAlertHeld and keeps the connection and state', () => {
    const sockets: FakeSocket[] = [];
    const states: LobbyView[] = [];
    let held = 0;
    const feed = new LiveFeed({
      token: 't',
      onState: (s) => states.push(s),
      onConnection: () => undefined,
      onAlertHeld: () => (held += 1),
      socketFactory: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    });
    feed.start();
    sockets[0]!.send({ type: 'snapshot', seq: 5, branch: { nameZh: 'x', nameEn: 'x' }, day: null, queues: [], counters: [], tickets: [] });
    sockets[0]!.send({ type: 'alert.held', seq: 5, id: 'a', kind: 'storage_full' });
    expect(held).toBe(1);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.closed).toBe(false);
    expect(states.map((s) => s.seq)).toEqual([5]);
    feed.stop();
  });
});
