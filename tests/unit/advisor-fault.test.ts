// The advisor runs on timers inside the hub's process, where a throw would end the process:
// a fault in it (here, forward runs that throw) leaves the lobby serving, without advice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await hub?.close();
  hub = null;
});

describe('a fault in the advisor', () => {
  it('is said once in the log, and the hub goes on issuing tickets', async () => {
    hub = await startTestHub();
    const warn = vi.spyOn(console, 'warn');
    hub.advisor.useRuns(() => {
      throw new Error('forward runs failed');
    });
    const manager = await hub.login('manager');
    // Each queue change schedules an evaluation 1.5 s later, on a timer.
    expect((await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).status).toBe(200);
    await vi.waitFor(() => expect(warn.mock.calls.some(([m]) => String(m).includes('the advisor could not evaluate the lobby'))).toBe(true), { timeout: 10_000 });
    expect((await hub.api('POST', '/api/tickets', { token: manager, body: { service: 'cash' } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(warn.mock.calls.filter(([m]) => String(m).includes('the advisor could not evaluate the lobby'))).toHaveLength(1);
    expect((await hub.api('GET', '/api/health')).status).toBe(200);
  });
});
