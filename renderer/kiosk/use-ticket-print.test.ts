// The kiosk's print retries: a fault is tried again, a ticket the printer took never is (it
// would print twice). This replaces a browser test's 4-second sleep, which proved the same
// thing by waiting and failed on a loaded machine.
import { describe, expect, it } from 'vitest';
import { afterAttempt } from './use-ticket-print';

describe('after a print attempt', () => {
  it('never tries again once the printer took the ticket, confirmed or not', () => {
    expect(afterAttempt({ uncertain: true })).toEqual({ state: { kind: 'printed', uncertain: true }, retryInMs: null });
    expect(afterAttempt({ uncertain: false }).retryInMs).toBeNull();
  });

  it('tries again after a fault the printer may recover from, not when there is no printer', () => {
    expect(afterAttempt({ code: 'printer_paper_out' })).toEqual({ state: { kind: 'failed', code: 'printer_paper_out' }, retryInMs: 3000 });
    expect(afterAttempt({ code: 'network' }).retryInMs).toBe(3000);
    expect(afterAttempt({ code: 'printer_not_configured' }).retryInMs).toBeNull();
  });
});
