// The lobby's records over HTTP with a controlled clock: the opinion book's due dates, phone
// visibility and purge; complaints' time limit, escalation and signed closure; work-log
// follow-ups; referral and care cards; the reminders the manager's console shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../tests/support/hub.js';
import { verifyLedger } from '../ledger/index.js';
import { ERASED, vaultOf } from '../personal/vault.js';
import { checkReminders } from './reminders.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-03-02 08:00 local time (the business day follows the hub's local calendar).
let now = new Date(2026, 2, 2, 8, 0).getTime();
let hub: TestHub;
// Sessions last 12 hours of the hub's clock, which these tests move on by days: each call
// signs in afresh.
let manager: string;
let supervisor: string;
let teller: string;
async function signInAll() {
  manager = await hub.login('manager');
  supervisor = await hub.login('supervisor');
  teller = await hub.login('teller1');
}

beforeAll(async () => {
  hub = await startTestHub({ clock: () => now });
  await signInAll();
});
afterAll(() => hub.close());

const openAlerts = (kind: string) => hub.alerts.list().filter((a) => a.kind === kind && a.acknowledgedAt === null && a.resolvedAt === null);

describe('opinion book', () => {
  it('makes a reply due the same day with a phone, within the configured days without', async () => {
    const withPhone = await hub.api('POST', '/api/opinions', { token: manager, body: { theme: 'waiting', text: '等候时间太长', phone: '138 0013 8000' } });
    expect(withPhone.body.opinion).toMatchObject({ date: '2026-03-02', dueDate: '2026-03-02', hasPhone: true, phone: '138 0013 8000' });
    expect(withPhone.body.opinion.phoneKey).toMatch(/^[0-9a-f]{64}$/);
    const without = await hub.api('POST', '/api/opinions', { token: manager, body: { theme: 'praise', text: '服务很好' } });
    expect(without.body.opinion).toMatchObject({ dueDate: '2026-03-05', hasPhone: false, phoneKey: null });
    // The phone is nowhere in the ledger's events.
    expect(JSON.stringify(hub.hub.ledger.readEvents())).not.toMatch(/13800138000|138 0013 8000/);
  });

  it('shows the phone to the manager and supervisor only', async () => {
    const sup = await hub.api('GET', '/api/opinions', { token: supervisor });
    expect(sup.body.opinions.find((o: { hasPhone: boolean }) => o.hasPhone).phone).toBe('138 0013 8000');
    expect((await hub.api('GET', '/api/opinions', { token: teller })).status).toBe(403);
    expect((await hub.api('GET', '/api/opinions', { token: await hub.login('admin') })).status).toBe(403);
  });

  it('raises an overdue reminder after closing time for a same-day reply, and resolves it on reply', async () => {
    now = new Date(2026, 2, 2, 17, 30).getTime();
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('opinion_overdue')).toHaveLength(1);
    const o = (await hub.api('GET', '/api/opinions', { token: manager })).body.opinions.find((x: { hasPhone: boolean }) => x.hasPhone);
    expect((await hub.api('POST', `/api/opinions/${o.id}/sign`, { token: supervisor, body: { pin: '000000' } })).body.error.code).toBe('opinion_not_replied');
    await hub.api('POST', `/api/opinions/${o.id}/reply`, { token: manager, body: { reply: '已电话回复，调整午间窗口' } });
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('opinion_overdue')).toHaveLength(0);
    const signed = await hub.api('POST', `/api/opinions/${o.id}/sign`, { token: supervisor, body: { pin: '000000' } });
    expect(signed.body.opinion).toMatchObject({ status: 'signed', signedBy: 'supervisor', repliedBy: 'manager' });
    expect((await hub.api('POST', `/api/opinions/${o.id}/reply`, { token: manager, body: { reply: 'changed' } })).status).toBe(409);
  });

  it('deletes the phone the configured days after the reply, by an event, and shreds its key', async () => {
    // A copy of the sealed phone, as a backup or a free page of the file would keep it.
    const copy = (hub.hub.ledger.db.prepare('SELECT phone FROM opinion_phones').get() as { phone: string }).phone;
    expect(copy).not.toContain('8000');
    expect(vaultOf(hub.hub.ledger.db).open(copy)).toBe('138 0013 8000');
    now += 29 * DAY;
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    expect(hub.hub.ledger.readEvents().filter((e) => e.type === 'opinion.phone_purged')).toHaveLength(0);
    now += 2 * DAY;
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    const purge = hub.hub.ledger.readEvents().filter((e) => e.type === 'opinion.phone_purged');
    expect(purge).toHaveLength(1);
    const o = (await hub.api('GET', '/api/opinions?from=2026-03-01', { token: manager })).body.opinions.find((x: { hasPhone: boolean }) => x.hasPhone);
    expect(o.phone).toBeNull();
    expect(typeof o.phonePurgedAt).toBe('number');
    expect(hub.hub.ledger.db.prepare('SELECT count(*) AS n FROM opinion_phones').get()).toEqual({ n: 0 });
    expect(vaultOf(hub.hub.ledger.db).open(copy)).toBe(ERASED);
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
  });
});

describe('complaints', () => {
  const form = { emotion: 'angry', calmed: true, listened: true, summary: '转账到账慢', ourFault: false, wants: ['fix'], solvableOnSpot: false, reasonable: true };

  it('gives first-contact ownership and the configured limit, escalates and reminds past it', async () => {
    now = new Date(2026, 3, 6, 10, 0).getTime();
    await signInAll();
    const c = (await hub.api('POST', '/api/complaints', { token: manager, body: form })).body.complaint;
    expect(c).toMatchObject({ owner: 'manager', status: 'open', dueAt: now + 48 * HOUR });
    now += 49 * HOUR;
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('complaint_overdue')).toHaveLength(1);
    const after = (await hub.api('GET', '/api/complaints', { token: manager })).body.complaints.find((x: { id: string }) => x.id === c.id);
    expect(after.status).toBe('escalated');
  });

  it('refuses an invalid form with a 400 and writes nothing', async () => {
    const before = hub.hub.ledger.lastSeq();
    const res = await hub.api('POST', '/api/complaints', { token: manager, body: { ...form, wants: [] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(hub.hub.ledger.lastSeq()).toBe(before);
  });

  it('closes a complaint solved in time with the supervisor signature', async () => {
    const c = (await hub.api('POST', '/api/complaints', { token: manager, body: { ...form, solvableOnSpot: true, ourFault: true, faultDetail: '柜员解释不清' } })).body.complaint;
    expect((await hub.api('POST', `/api/complaints/${c.id}/sign`, { token: supervisor, body: { pin: '000000' } })).body.error.code).toBe('complaint_not_resolved');
    now += 10 * 60_000;
    await signInAll();
    await hub.api('POST', `/api/complaints/${c.id}/resolve`, { token: manager, body: { resolution: '当场重新办理并致歉' } });
    const closed = await hub.api('POST', `/api/complaints/${c.id}/sign`, { token: supervisor, body: { pin: '000000' } });
    expect(closed.body.complaint).toMatchObject({ status: 'closed', signedBy: 'supervisor', resolvedBy: 'manager' });
    expect(closed.body.complaint.resolvedAt).toBeLessThanOrEqual(closed.body.complaint.dueAt);
  });
});

describe('work log, cards and reminders', () => {
  it('keeps a question with its follow-up date and reminds when it is due', async () => {
    now = new Date(2026, 4, 4, 10, 0).getTime();
    await signInAll();
    const noDate = await hub.api('POST', '/api/worklog', { token: manager, body: { kind: 'question', text: '外币兑换的手续费是多少？' } });
    expect(noDate.status).toBe(400);
    const q = (await hub.api('POST', '/api/worklog', { token: manager, body: { kind: 'question', text: '外币兑换的手续费是多少？', followUpDue: '2026-05-05' } })).body.entry;
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('followup_due').filter((a) => a.key === `followup:question:${q.id}`)).toHaveLength(0);
    now += DAY;
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('followup_due').filter((a) => a.key === `followup:question:${q.id}`)).toHaveLength(1);
    await hub.api('POST', `/api/worklog/${q.id}/answer`, { token: manager, body: { answer: '已电话告知' } });
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('followup_due').filter((a) => a.key === `followup:question:${q.id}`)).toHaveLength(0);
  });

  it('gives a referral card a follow-up 15 days out and tracks it until closed', async () => {
    const card = (await hub.api('POST', '/api/cards', { token: manager, body: { kind: 'referral', title: '李女士', need: '大额定期，关注理财', assignedTo: '理财经理 张' } })).body.card;
    expect(card).toMatchObject({ date: '2026-05-05', dueDate: '2026-05-20', status: 'open' });
    const followed = (await hub.api('POST', `/api/cards/${card.id}/follow-up`, { token: manager, body: { note: '已约周五面谈' } })).body.card;
    expect(followed.status).toBe('contacted');
    expect(followed.followUps).toHaveLength(1);
    const closed = (await hub.api('POST', `/api/cards/${card.id}/close`, { token: manager, body: { outcome: '购买理财产品' } })).body.card;
    expect(closed).toMatchObject({ status: 'closed', outcome: '购买理财产品' });
  });

  it('reminds of the opening checklist after opening time and of each patrol, and resolves them when done', async () => {
    now = new Date(2026, 4, 6, 8, 50).getTime();
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('checklist_due').filter((a) => a.key === 'checklist:opening:2026-05-06')).toHaveLength(0);
    now = new Date(2026, 4, 6, 11, 5).getTime();
    await signInAll();
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('checklist_due').map((a) => a.key)).toContain('checklist:opening:2026-05-06');
    expect(openAlerts('patrol_due').map((a) => a.key).filter((k) => k.includes('2026-05-06'))).toEqual(['patrol:2026-05-06:1']);

    const c = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'opening', date: '2026-05-06' } })).body.checklist;
    await hub.api('POST', `/api/checklists/${c.id}/answers`, { token: manager, body: { answers: c.items.map((i: { id: string }) => ({ itemId: i.id, result: 'pass' })) } });
    await hub.api('POST', `/api/checklists/${c.id}/complete`, { token: manager });
    const p = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'patrol', date: '2026-05-06' } })).body.checklist;
    await hub.api('POST', `/api/checklists/${p.id}/answers`, { token: manager, body: { answers: p.items.map((i: { id: string }) => ({ itemId: i.id, result: 'pass' })) } });
    await hub.api('POST', `/api/checklists/${p.id}/complete`, { token: manager });
    checkReminders(hub.hub, hub.alerts, now);
    expect(openAlerts('checklist_due').map((a) => a.key)).not.toContain('checklist:opening:2026-05-06');
    expect(openAlerts('patrol_due').filter((a) => a.key.includes('2026-05-06'))).toHaveLength(0);
  });

  it('leaves a ledger that verifies', () => {
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
  });
});
