// verify refuses a ledger in which a ticket number repeats within a service's business day,
// as two hubs on one data folder would write it: each append sound, each projection in step.
import { describe, expect, it } from 'vitest';

import { commitQueueEvents, MIN, T2, tempDir, twoDays } from './testing.js';
import { verifyLedger } from './verify.js';
import { openHubLedger } from '../projectors.js';

describe('verifyLedger: ticket numbers', () => {
  it('passes numbers that repeat on another day (A001 every morning)', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    twoDays(ledger);
    const numbers = ledger.readEventsOfType('ticket.issued').map((e) => (e.type === 'ticket.issued' ? `${e.ticket.businessDay} ${e.ticket.number}` : ''));
    expect(numbers).toContain('2025-03-03 A001');
    expect(numbers).toContain('2025-03-04 A001');
    ledger.close();
    expect(verifyLedger(dir)).toMatchObject({ ok: true });
  });

  it('names a number issued twice within one business day, with both events', () => {
    const dir = tempDir();
    const ledger = openHubLedger(dir);
    const state = twoDays(ledger);
    const original = state.tickets['tk2-a1']!;
    expect(original.number).toBe('A001');
    const firstSeq = ledger.readEventsOfType('ticket.issued').find((e) => e.type === 'ticket.issued' && e.ticket.id === 'tk2-a1')!.seq;
    // A second hub's A001: another ticket, the same number, written with its projection.
    const duplicate = { ...original, id: 'tk2-a1-again', issuedAt: T2 + 10 * MIN };
    const { stored } = commitQueueEvents(ledger, [{ type: 'ticket.issued', ticket: duplicate }], T2 + 10 * MIN, 'kiosk2');
    ledger.close();

    const result = verifyLedger(dir);
    expect(result).toMatchObject({ ok: false, seq: stored[0]!.seq });
    if (result.ok) return;
    expect(result.problem).toContain('A001');
    expect(result.problem).toContain('2025-03-04');
    expect(result.problem).toContain(`event ${firstSeq}`);
  });
});
