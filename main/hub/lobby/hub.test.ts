// Listeners that write while a change is being delivered must not reorder the feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('Hub change delivery', () => {
  it('delivers changes to every listener in seq order even when a listener writes', () => {
    const seen: number[] = [];
    const offWriter = hub.hub.onChange((change) => {
      if (change.events.some((e) => e.type === 'ticket.issued')) {
        hub.alerts.raise({ kind: 'wait_over_target', key: `order-test:${change.events[0]!.seq}` }, null);
      }
    });
    const offReader = hub.hub.onChange((change) => seen.push(...change.events.map((e) => e.seq)));
    const start = hub.hub.lastSeq();
    hub.hub.execute({ type: 'ticket.issue', id: crypto.randomUUID(), service: 'cash', priority: 'normal' }, null);
    hub.hub.execute({ type: 'ticket.issue', id: crypto.randomUUID(), service: 'cash', priority: 'normal' }, null);
    offWriter();
    offReader();
    // Two tickets and two alerts at least (the hub's own watchers may add more): all of them
    // reach the reader once, in seq order.
    const end = hub.hub.lastSeq();
    expect(end).toBeGreaterThanOrEqual(start + 4);
    expect(seen).toEqual(Array.from({ length: end - start }, (_, i) => start + 1 + i));
  });
});
