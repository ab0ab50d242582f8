// The print decision without a printer or a database: a recorded print answers a retry, only a
// reprint sends it again (on the printer it went to), and the events mark a first print.
import { describe, expect, it } from 'vitest';
import { planPrint, printFailed, printStarted, ticketPrinted, type PrintJob } from './print-job.js';

describe('planPrint', () => {
  it('sends a ticket never printed on the caller’s printer, as its first print', () => {
    expect(planPrint('t1', null, false, 'k1')).toEqual({ kind: 'send', job: { ticket: 't1', first: true, reprint: false }, device: 'k1' });
    expect(planPrint('t1', null, false, null)).toMatchObject({ kind: 'send', device: null });
  });

  it('answers a printed ticket from its record, never sending it again, and says whether it was confirmed', () => {
    expect(planPrint('t1', { printer: 'k1', pending: false, uncertain: false }, false, 'k2')).toEqual({
      kind: 'answer',
      answer: { printed: true, already: true, printer: 'k1', uncertain: false },
      unconfirmed: false,
    });
    expect(planPrint('t1', { printer: 'k1', pending: false, uncertain: true }, false, 'k1')).toMatchObject({ kind: 'answer', answer: { uncertain: true }, unconfirmed: false });
  });

  it('answers a ticket the hub stopped in the middle of as printed but uncertain, and asks the manager', () => {
    expect(planPrint('t1', { printer: 'hub', pending: true, uncertain: false }, false, 'k1')).toEqual({
      kind: 'answer',
      answer: { printed: true, already: true, printer: 'hub', uncertain: true },
      unconfirmed: true,
    });
  });

  it('reprints on the printer the ticket went to, not as a first print; a reprint of an unrecorded ticket is its first', () => {
    expect(planPrint('t1', { printer: 'k1', pending: false, uncertain: true }, true, null)).toEqual({ kind: 'send', job: { ticket: 't1', first: false, reprint: true }, device: 'k1' });
    expect(planPrint('t1', { printer: 'hub', pending: true, uncertain: false }, true, null)).toMatchObject({ job: { first: false }, device: 'hub' });
    expect(planPrint('t1', null, true, null)).toMatchObject({ job: { first: true, reprint: true }, device: null });
  });
});

describe('the print events', () => {
  const first: PrintJob = { ticket: 't1', first: true, reprint: false };
  const reprint: PrintJob = { ticket: 't1', first: false, reprint: true };

  it('mark a first print on its start and failure, and a reprint on its start and success', () => {
    expect(printStarted(first, 'k1')).toEqual({ type: 'ticket.print_started', ticket: 't1', printer: 'k1', first: true });
    expect(printFailed(first, 'k1', 'paper_out')).toEqual({ type: 'ticket.print_failed', ticket: 't1', printer: 'k1', reason: 'paper_out', first: true });
    expect(ticketPrinted(first, 'k1', false)).toEqual({ type: 'ticket.printed', ticket: 't1', printer: 'k1' });
    expect(printStarted(reprint, 'k1')).toEqual({ type: 'ticket.print_started', ticket: 't1', printer: 'k1', reprint: true });
    expect(printFailed(reprint, 'k1', 'interrupted')).toEqual({ type: 'ticket.print_failed', ticket: 't1', printer: 'k1', reason: 'interrupted' });
    expect(ticketPrinted(reprint, 'k1', true)).toEqual({ type: 'ticket.printed', ticket: 't1', printer: 'k1', uncertain: true, reprint: true });
  });
});
