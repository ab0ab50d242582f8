// The printed ticket's words about the wait: a range when a counter serves the service, and
// "not open yet, opens at" when none does (a number would guess when a teller sits down).
import { describe, expect, it } from 'vitest';
import { ticketDocument } from './ticket-layout.js';
import { sampleTicket } from './sample.js';

const base = { ...sampleTicket(Date.UTC(2026, 10, 25, 1, 30)), serviceZh: '对公业务', serviceEn: 'Corporate', number: 'C001', ahead: 0 };
/** The text lines of the head, without receiptline's column bars. */
const lines = (doc: string) => doc.split('\n').map((l) => l.replace(/^\| (.*) \|$/, '$1'));

describe('the printed ticket', () => {
  it('gives the range of the wait when a counter serves the service', () => {
    const head = lines(ticketDocument({ ...base, estimate: { minutes: 8, low: 5, high: 12 } }).head);
    expect(head).toContain('预计等候 5–12 分钟');
    expect(head).toContain('Estimated wait 5–12 min');
    expect(head.join('\n')).not.toContain('暂未开放');
  });

  it('says the counters are not open and when they open, and no minutes, when nobody serves the service', () => {
    const head = lines(ticketDocument({ ...base, estimate: { minutes: 10, low: 9, high: 11, closed: { opensAt: '10:30' } } }).head);
    expect(head).toEqual(expect.arrayContaining(['对公业务窗口暂未开放', '预计 10:30 开放', 'Corporate counters are not open yet', 'Expected to open at 10:30']));
    expect(head.join('\n')).not.toMatch(/分钟|min\b/);
  });

  it('says only that they are not open when nobody knows when they open', () => {
    const head = lines(ticketDocument({ ...base, estimate: { minutes: 10, low: 9, high: 11, closed: { opensAt: null } } }).head);
    expect(head).toEqual(expect.arrayContaining(['对公业务窗口暂未开放', '开放后将依次叫号', 'Corporate counters are not open yet', 'Numbers are called once they open']));
    expect(head.join('\n')).not.toMatch(/预计|分钟|min\b/);
  });

  it('says, zh first, that the phone page can remind the customer when 3 are ahead (issue 17.3)', () => {
    const tail = lines(ticketDocument({ ...base, estimate: { minutes: 8, low: 5, high: 12 } }).tail);
    const zh = tail.indexOf('前面还有 3 位时手机可提醒您');
    expect(zh).toBeGreaterThan(-1);
    expect(tail[zh + 1]).toBe('Your phone can remind you when 3 are ahead');
  });
});
