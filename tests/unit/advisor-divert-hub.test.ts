// The invitation to self-service in a running hub: the manager's "已邀请" records the decision and
// moves no ticket, the next advice names other customers, and a customer who accepts is marked
// through the self-service triage, which cancels that ticket. The console's list of those
// invited who still wait is the hub's, read back from the ledger after a restart.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunsOf } from '../../main/hub/watch/advisor.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

/** Forward runs no counter move changes: each waiting ticket is called 10 minutes after the one before it. */
const queueRuns: RunsOf = (state) => {
  const waiting = Object.values(state.tickets)
    .filter((t) => t.status === 'waiting')
    .sort((a, b) => a.issuedAt - b.issuedAt);
  return new Map(waiting.map((t, i) => [t.id, [10 * i]]));
};

type Action = { kind: string; tickets?: string[]; numbers?: string[] } | null;

describe('the invitation to self-service', () => {
  it('is recorded when applied, moves no ticket, is not repeated, and the triage cancels a ticket that accepts', async () => {
    hub = await startTestHub();
    hub.advisor.stop();
    hub.advisor.useRuns(queueRuns, { warnWithinMinutes: 60 });
    const manager = await hub.login('manager');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await hub.api<{ ticket: { id: string } }>('POST', '/api/tickets', { token: manager, body: { service: 'cash', choice: 'cash' } });
      expect(res.status).toBe(200);
      ids.push(res.body.ticket.id);
    }
    hub.advisor.sweep();
    const advice = (await hub.api<{ advice: { id: string; action: Action } }>('GET', '/api/manager/advice', { token: manager })).body.advice;
    expect(advice.action).toMatchObject({ kind: 'divert', tickets: ids.slice(4).reverse() });
    const before = JSON.stringify(hub.hub.state.tickets);

    // A teller cannot decide; the manager's "已邀请" is an event and changes no ticket.
    const teller = await hub.login('teller1');
    expect((await hub.api('POST', '/api/manager/advice', { token: teller, body: { id: advice.id, decision: 'applied' } })).status).toBe(403);
    expect((await hub.api('POST', '/api/manager/advice', { token: manager, body: { id: advice.id, decision: 'applied' } })).status).toBe(200);
    expect(JSON.stringify(hub.hub.state.tickets)).toBe(before);
    const decided = hub.hub.ledger.readEvents().filter((e) => e.type === 'advisor.decided');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ decision: 'applied', action: { kind: 'divert', tickets: ids.slice(4).reverse() } });

    // Asked once, not again: the next advice names the four before them.
    hub.advisor.sweep();
    const next = (await hub.api<{ advice: { action: Action } }>('GET', '/api/manager/advice', { token: manager })).body.advice;
    expect(next.action).toMatchObject({ kind: 'divert', tickets: ids.slice(0, 4).reverse() });

    // One of the invited goes to the machine: the manager marks the ticket, which is cancelled.
    expect((await hub.api('POST', '/api/triage/self-service', { token: manager, body: { ticket: ids[9] } })).status).toBe(200);
    expect(hub.hub.state.tickets[ids[9]!]!.status).toBe('cancelled');
    expect(hub.hub.ledger.readEvents().some((e) => e.type === 'triage.self_service')).toBe(true);

    // The console's list: the invited who still wait, in number order (the one who went is gone).
    const numberOf = (id: string) => hub!.hub.state.tickets[id]!.number;
    const stillInvited = ids.slice(4, 9);
    const listed = (await hub.api<{ invited: { ticket: string; number: string }[] }>('GET', '/api/manager/advice', { token: manager })).body.invited;
    expect(listed).toEqual(stillInvited.map((id) => ({ ticket: id, number: numberOf(id), service: 'cash' })));

    // A restart (power cut, update) keeps both: the list, and nobody invited twice.
    const dataDir = hub.dataDir;
    await hub.close();
    hub = await startTestHub({ dataDir });
    hub.advisor.stop();
    hub.advisor.useRuns(queueRuns, { warnWithinMinutes: 60 });
    const again = await hub.login('manager');
    const after = (await hub.api<{ advice: { action: Action }; invited: { ticket: string }[] }>('GET', '/api/manager/advice', { token: again })).body;
    expect(after.invited.map((x) => x.ticket)).toEqual(stillInvited);
    hub.advisor.sweep();
    const fresh = (await hub.api<{ advice: { action: Action } }>('GET', '/api/manager/advice', { token: again })).body.advice;
    expect(fresh.action).toMatchObject({ kind: 'divert', tickets: ids.slice(0, 4).reverse() });
  });
});
