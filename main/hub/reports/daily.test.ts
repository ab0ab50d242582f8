// A day of the branch through the HTTP API with a controlled clock, then the daily report
// against an independent count: plain loops over the raw events, written without the queue
// engine or the records reducer the report uses. The monthly report sums the same days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import type { StoredEvent } from '../../common/events.js';
import { localDate } from '../lobby/business-day.js';

const MIN = 60_000;
let now = new Date(2026, 5, 8, 8, 30).getTime();
const DATE = '2026-06-08';
let hub: TestHub;
const at = (h: number, m: number) => (now = new Date(2026, 5, 8, h, m).getTime());

type Raw = StoredEvent & Record<string, any>;

/** The independent count: only the raw events, read as a person would read the ledger. */
function recount(events: Raw[], date: string) {
  const services = new Map<string, number>();
  const tickets = new Map<string, { service: string; priority: string; issuedAt: number; calledAt: number | null; status: string }>();
  for (const e of events) {
    if (e.type === 'service.defined') services.set(e.service.code, e.service.targetWaitMinutes);
    if (e.type === 'ticket.issued' && e.ticket.businessDay === date) tickets.set(e.ticket.id, { service: e.ticket.service, priority: e.ticket.priority, issuedAt: e.ticket.issuedAt, calledAt: null, status: 'waiting' });
    const t = typeof e.ticket === 'string' ? tickets.get(e.ticket) : undefined;
    if (t && e.type === 'ticket.called' && t.calledAt === null) t.calledAt = e.at;
    if (t && e.type === 'ticket.transferred') t.service = e.toService;
    if (t && e.type === 'ticket.finished') t.status = 'done';
    if (t && e.type === 'ticket.no_show') t.status = 'no_show';
    if (e.type === 'day.closed') for (const id of e.unserved) if (tickets.has(id)) tickets.get(id)!.status = 'unserved_at_close';
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const all = [...tickets.values()];
  const wait = (t: { calledAt: number | null; issuedAt: number }) => ((t.calledAt as number) - t.issuedAt) / MIN;
  const perService = [...services.entries()].map(([code, target]) => {
    const mine = all.filter((t) => t.service === code);
    const waits = mine.filter((t) => t.calledAt !== null).map(wait);
    return {
      service: code,
      issued: mine.length,
      served: mine.filter((t) => t.status === 'done').length,
      noShow: mine.filter((t) => t.status === 'no_show').length,
      unserved: mine.filter((t) => t.status === 'unserved_at_close').length,
      avgWaitMinutes: waits.length ? r1(waits.reduce((a, b) => a + b, 0) / waits.length) : 0,
      maxWaitMinutes: waits.length ? r1(Math.max(...waits)) : 0,
      overTarget: waits.filter((w) => w > target).length,
    };
  });
  const inDay = (e: Raw) => localDate(e.at) === date;
  const opinions = new Map<string, { dueDate: string; repliedAt: number | null }>();
  const complaints = new Map<string, { dueAt: number; resolvedAt: number | null }>();
  const faults = new Map<string, { reportedAt: number; repairedAt: number | null }>();
  let referral = 0;
  let care = 0;
  for (const e of events) {
    if (e.type === 'opinion.recorded' && e.date === date) opinions.set(e.id, { dueDate: e.dueDate, repliedAt: null });
    if (e.type === 'opinion.replied' && opinions.has(e.id)) opinions.get(e.id)!.repliedAt = e.at;
    if (e.type === 'complaint.opened' && e.complaint.date === date) complaints.set(e.complaint.id, { dueAt: e.complaint.dueAt, resolvedAt: null });
    if (e.type === 'complaint.resolved' && complaints.has(e.id)) complaints.get(e.id)!.resolvedAt = e.at;
    if (e.type === 'fault.reported' && e.date === date) faults.set(e.id, { reportedAt: e.at, repairedAt: null });
    if (e.type === 'fault.repaired' && faults.has(e.id)) faults.get(e.id)!.repairedAt = e.at;
    if (e.type === 'card.created' && e.date === date && e.kind === 'referral') referral++;
    if (e.type === 'card.created' && e.date === date && e.kind === 'care') care++;
  }
  const repairs = [...faults.values()].filter((f) => f.repairedAt !== null).map((f) => ((f.repairedAt as number) - f.reportedAt) / MIN);
  return {
    services: perService,
    issued: all.length,
    served: all.filter((t) => t.status === 'done').length,
    vipVisits: all.filter((t) => t.priority === 'vip' || t.service === 'vip').length,
    // A kiosk's "I need help" on the self-service page (help: true) is the visit already counted.
    selfServiceTriage: events.filter((e) => inDay(e) && (e.type === 'triage.self_service' || (e.type === 'kiosk.self_service' && !e.help))).length,
    complaintsInTime: [...complaints.values()].filter((c) => c.resolvedAt !== null && c.resolvedAt <= c.dueAt).length,
    complaintsOpen: [...complaints.values()].filter((c) => c.resolvedAt === null).length,
    opinionsInTime: [...opinions.values()].filter((o) => o.repliedAt !== null && localDate(o.repliedAt) <= o.dueDate).length,
    opinions: opinions.size,
    referral,
    care,
    faults: faults.size,
    avgRepairMinutes: repairs.length ? r1(repairs.reduce((a, b) => a + b, 0) / repairs.length) : 0,
  };
}

beforeAll(async () => {
  // The fake clock jumps hours at a time: staff sign-ins must not idle out between steps.
  hub = await startTestHub({ clock: () => now, options: { staffIdleMinutes: 24 * 60 } });
});
afterAll(() => hub.close());

describe('daily report', () => {
  it('equals an independent count of the raw events', async () => {
    const manager = await hub.login('manager');
    const supervisor = await hub.login('supervisor');
    const t1 = await hub.login('teller1');
    const t4 = await hub.login('teller4');
    const t6 = await hub.login('teller6');
    const kiosk = await hub.device('kiosk');
    // A kiosk issues normal tickets; a priority ticket is the manager's.
    const issue = async (service: string, priority = 'normal') =>
      (await hub.api('POST', '/api/tickets', { token: priority === 'normal' ? kiosk : manager, body: { service, priority } })).body.ticket;
    const call = async (token: string, counter: string) => (await hub.api('POST', `/api/counters/${counter}/call-next`, { token })).body.ticket;
    const move = (token: string, id: string, m: string, body: unknown = {}) => hub.api('POST', `/api/tickets/${id}/${m}`, { token, body });

    const opening = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'opening' } })).body.checklist;
    await hub.api('POST', `/api/checklists/${opening.id}/answers`, { token: manager, body: { answers: opening.items.map((i: { id: string }) => ({ itemId: i.id, result: i.id === 'self_service' ? 'fault' : 'pass', note: '' })) } });
    at(8, 50);
    await hub.api('POST', '/api/counters/1/open', { token: t1 });
    await hub.api('POST', '/api/counters/4/open', { token: t4 });
    await hub.api('POST', '/api/counters/6/open', { token: t6 });
    at(9, 0);
    const a1 = await issue('cash');
    const a2 = await issue('cash');
    const b1 = await issue('noncash');
    const v1 = await issue('vip');
    const b2 = await issue('noncash', 'vip');
    at(9, 4);
    const first6 = await call(t6, '6');
    const first1 = await call(t1, '1');
    at(9, 12);
    await move(t1, first1.id, 'start');
    await move(t1, first1.id, 'finish');
    const first4 = await call(t4, '4');
    await move(t4, first4.id, 'transfer', { service: 'cash' });
    at(9, 20);
    const second1 = await call(t1, '1');
    expect((await move(t1, second1.id, 'no-show')).status).toBe(200);
    await hub.api('POST', '/api/triage/self-service', { token: manager, body: { service: 'cash' } });
    at(10, 15);
    const a3 = await issue('cash');
    await move(t6, first6.id, 'start');
    await move(t6, first6.id, 'finish');
    const third1 = await call(t1, '1');
    await move(t1, third1.id, 'start');
    await move(t1, third1.id, 'finish');
    const f = (await hub.api('GET', '/api/checklists', { token: manager })).body.faults[0];
    at(11, 5);
    await hub.api('POST', `/api/faults/${encodeURIComponent(f.id)}/repaired`, { token: manager, body: { note: 'reset' } });

    const op1 = (await hub.api('POST', '/api/opinions', { token: manager, body: { theme: 'waiting', text: '排队久', phone: '13900001111' } })).body.opinion;
    await hub.api('POST', '/api/opinions', { token: manager, body: { theme: 'environment', text: '空调太冷' } });
    const comp = (await hub.api('POST', '/api/complaints', { token: manager, body: { emotion: 'anxious', calmed: true, listened: true, summary: '卡被吞', ourFault: false, wants: ['fix'], solvableOnSpot: true, reasonable: true } })).body.complaint;
    await hub.api('POST', '/api/complaints', { token: manager, body: { emotion: 'loud', calmed: false, listened: true, summary: '手续费', ourFault: false, wants: ['vent'], solvableOnSpot: false, reasonable: false } });
    await hub.api('POST', '/api/cards', { token: manager, body: { kind: 'referral', title: '赵女士', need: '理财', assignedTo: 'wm1' } });
    await hub.api('POST', '/api/cards', { token: manager, body: { kind: 'care', title: '钱先生', need: '暂不需要', assignedTo: 'wm1' } });
    at(16, 40);
    await hub.api('POST', `/api/complaints/${comp.id}/resolve`, { token: manager, body: { resolution: '已取回卡片' } });
    await hub.api('POST', `/api/opinions/${op1.id}/reply`, { token: manager, body: { reply: '已回电' } });
    const closing = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'closing' } })).body.checklist;
    await hub.api('POST', `/api/checklists/${closing.id}/answers`, { token: manager, body: { answers: closing.items.map((i: { id: string }) => ({ itemId: i.id, result: 'pass', note: '' })) } });
    await hub.api('POST', `/api/checklists/${closing.id}/complete`, { token: manager });
    await hub.api('POST', `/api/checklists/${closing.id}/sign`, { token: supervisor, body: { pin: '000000' } });
    at(17, 5);
    expect((await hub.api('POST', '/api/day/close', { token: manager })).status).toBe(200);
    void [a1, a2, a3, b1, b2, v1];

    const report = (await hub.api('GET', `/api/reports/daily?date=${DATE}`, { token: supervisor })).body;
    const count = recount(hub.hub.ledger.readEvents() as Raw[], DATE);
    // (estimates: accuracy.test.ts recounts them.)
    expect(report.services.map(({ overTargetShare: _s, estimates: _e, ...rest }: { overTargetShare: number; estimates: unknown }) => rest)).toEqual(count.services);
    expect(report.totals).toMatchObject({ issued: count.issued, served: count.served, vipVisits: count.vipVisits, selfServiceTriage: count.selfServiceTriage });
    expect(report.complaints).toMatchObject({ opened: 2, closedInTime: count.complaintsInTime, open: count.complaintsOpen });
    expect(report.opinions).toMatchObject({ recorded: count.opinions, repliedInTime: count.opinionsInTime });
    expect(report.cards).toMatchObject({ referral: count.referral, care: count.care });
    expect(report.faults).toMatchObject({ reported: count.faults, avgRepairMinutes: count.avgRepairMinutes });
    expect(report.checklists).toEqual(expect.arrayContaining([{ kind: 'closing', signed: true, signedBy: 'supervisor' }]));
    expect(report.staffOnDuty).toEqual(expect.arrayContaining(['manager', 'supervisor', 'teller1', 'teller4', 'teller6']));
    // The scenario really exercised the figures (an all-zero report would also "agree").
    expect(count.issued).toBe(6);
    expect(count.services.find((s) => s.service === 'cash')).toMatchObject({ issued: 4, served: 1, noShow: 1 });
    expect(count.served).toBe(3);
    expect(count.vipVisits).toBe(2);
    expect(count.selfServiceTriage).toBe(1);
    expect(count.complaintsInTime).toBe(1);
    expect(count.faults).toBe(1);
    expect(count.avgRepairMinutes).toBeGreaterThan(100);

    const csv = await fetch(`${hub.url}/api/reports/daily.csv?date=${DATE}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A UTF-8 BOM, so that Excel opens the Chinese headers correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`${DATE},cash,4,1,1`);

    const month = (await hub.api('GET', '/api/reports/monthly?month=2026-06', { token: supervisor })).body;
    expect(month.days.map((d: { date: string }) => d.date)).toEqual([DATE]);
    expect(month.totals.issued).toBe(report.totals.issued);
    expect(month.opinionThemes).toEqual(expect.arrayContaining([{ theme: 'waiting', count: 1, replied: 1 }, { theme: 'environment', count: 1, replied: 0 }]));
    expect((await hub.api('GET', '/api/reports/monthly?month=2026-6', { token: supervisor })).status).toBe(400);
  });
});
