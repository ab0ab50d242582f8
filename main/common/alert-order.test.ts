import { describe, expect, it } from 'vitest';
import { arrangeAlerts, orderAlerts, tierOf } from './alert-order.js';
import type { Alert, AlertKind } from './alerts.js';

let n = 0;
function alert(kind: AlertKind, raisedAt: number, over: Partial<Alert> = {}): Alert {
  n += 1;
  return {
    id: `a${String(n).padStart(3, '0')}`,
    kind,
    key: `${kind}:${n}`,
    raisedAt,
    ticket: null,
    counter: null,
    device: null,
    details: {},
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    ...over,
  };
}

describe('alert order', () => {
  it('puts green-channel and help requests first, even under newer routine alerts', () => {
    // The case: the green-channel request sat 7th under estimate and idle alerts.
    const green = alert('green_channel_request', 1_000, { device: 'k1' });
    const routine = [1, 2, 3, 4, 5, 6].map((i) => alert(i % 2 ? 'estimate_over_threshold' : 'counter_idle', 2_000 + i));
    const help = alert('kiosk_help', 500);
    const ordered = orderAlerts([...routine, green, help]);
    expect(ordered.slice(0, 2).map((a) => a.kind)).toEqual(['kiosk_help', 'green_channel_request']);
  });

  it('serves urgent ones first come first served, the rest newest first within a kind, kinds in a fixed order', () => {
    const late = alert('kiosk_help', 300);
    const early = alert('green_channel_request', 100);
    const idleOld = alert('counter_idle', 100);
    const idleNew = alert('counter_idle', 900);
    const estimate = alert('estimate_over_threshold', 50);
    const vip = alert('vip_arrived', 10);
    expect(orderAlerts([idleOld, late, estimate, idleNew, vip, early]).map((a) => a.id)).toEqual([early.id, late.id, vip.id, estimate.id, idleNew.id, idleOld.id]);
  });

  it('lists closed alerts after every open one, newest first', () => {
    const closedNew = alert('kiosk_help', 9_000, { acknowledgedAt: 9_100, acknowledgedBy: 'manager' });
    const openOld = alert('counter_idle', 10);
    const closedOld = alert('printer_paper_out', 5_000, { resolvedAt: 6_000 });
    expect(orderAlerts([closedOld, closedNew, openOld]).map((a) => a.id)).toEqual([openOld.id, closedNew.id, closedOld.id]);
  });

  it('treats a kind it does not know as needing attention, never hidden in a group', () => {
    expect(tierOf('some_new_kind' as AlertKind)).toBe('attention');
    expect(tierOf('green_channel_request')).toBe('urgent');
    expect(tierOf('estimate_over_threshold')).toBe('routine');
  });
});

describe('arranged for the console', () => {
  it('groups routine alerts of one kind in one row, keeps urgent and attention ones apart, and counts the urgent ones', () => {
    const e1 = alert('estimate_over_threshold', 100);
    const e2 = alert('estimate_over_threshold', 200);
    const i1 = alert('counter_idle', 150);
    const g = alert('green_channel_request', 300);
    const h = alert('kiosk_help', 400);
    const v1 = alert('vip_arrived', 10);
    const v2 = alert('vip_arrived', 20);
    const { open, urgentCount } = arrangeAlerts([e1, e2, i1, g, h, v1, v2]);
    expect(open.map((r) => [r.kind, r.members.length])).toEqual([
      ['green_channel_request', 1],
      ['kiosk_help', 1],
      ['vip_arrived', 1],
      ['vip_arrived', 1],
      ['estimate_over_threshold', 2],
      ['counter_idle', 1],
    ]);
    // The group's lead is its newest.
    expect(open[4]!.lead.id).toBe(e2.id);
    expect(urgentCount).toBe(2);
  });

  it('merges repeats of one key: the open one carries the count, closed ones vanish into it', () => {
    const key = 'kiosk_help:k1';
    const first = alert('kiosk_help', 100, { key, acknowledgedAt: 150, acknowledgedBy: 'manager' });
    const second = alert('kiosk_help', 200, { key, acknowledgedAt: 250, acknowledgedBy: 'manager' });
    const third = alert('kiosk_help', 300, { key });
    const paper1 = alert('printer_paper_out', 50, { key: 'paper:k2', resolvedAt: 60 });
    const paper2 = alert('printer_paper_out', 70, { key: 'paper:k2', resolvedAt: 80 });
    const { open, closed } = arrangeAlerts([first, paper1, second, third, paper2]);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ lead: { id: third.id }, times: 3 });
    expect(closed.map((r) => [r.lead.id, r.times])).toEqual([[paper2.id, 2]]);
  });

  it('has nothing urgent to count when every help request was answered', () => {
    const done = alert('green_channel_request', 100, { acknowledgedAt: 120, acknowledgedBy: 'manager' });
    expect(arrangeAlerts([done, alert('counter_idle', 10)]).urgentCount).toBe(0);
  });
});
