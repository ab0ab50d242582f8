// Checklists end to end over HTTP: a fault opens a device-fault record, unanswered items stop
// the sign-off naming them, only the supervisor's own PIN signs, a signed checklist never
// changes (an amendment does), and the day does not close before the closing checklist is signed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../../tests/support/hub.js';
import { canonicalJson, sha256hex, verifyLedger } from '../../ledger/index.js';
import { checklistContent } from '../signing.js';
import type { Checklist } from '../../../common/records.js';

let hub: TestHub;
let manager: string;
let supervisor: string;
let admin: string;
let DATE = '';

beforeAll(async () => {
  hub = await startTestHub();
  manager = await hub.login('manager');
  supervisor = await hub.login('supervisor');
  admin = await hub.login('admin');
  await hub.api('POST', '/api/day/open', { token: manager });
  DATE = hub.hub.state.day!.date;
});
afterAll(() => hub.close());

const eventsOfType = (type: string) => hub.hub.ledger.readEvents().filter((e) => e.type === type);

async function answerAll(id: string, items: Checklist['items'], except: string[] = [], fault: string | null = null) {
  const answers = items.filter((i) => !except.includes(i.id)).map((i) => ({ itemId: i.id, result: i.id === fault ? 'fault' : 'pass', note: i.id === fault ? 'screen dark' : '' }));
  return hub.api('POST', `/api/checklists/${id}/answers`, { token: manager, body: { answers } });
}

describe('checklists', () => {
  it('seeds the templates from DOMAIN.md item by item', async () => {
    const res = await hub.api('GET', '/api/checklists/templates', { token: manager });
    const opening = res.body.templates.find((t: { kind: string }) => t.kind === 'opening');
    expect(opening.version).toBe(1);
    expect(opening.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['pens', 'ticket_machine', 'fire', 'opinion_book', 'service_aids', 'lighting']));
    expect(opening.items.find((i: { id: string }) => i.id === 'water').zh).toContain('饮水机');
  });

  it('runs the opening checklist: a fault opens a device fault, unanswered items are named, the supervisor signs', async () => {
    const started = await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'opening' } });
    expect(started.status).toBe(200);
    const c: Checklist = started.body.checklist;
    expect(c.date).toBe(DATE);
    expect((await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'opening' } })).body.error.code).toBe('checklist_exists');

    await answerAll(c.id, c.items, ['fire', 'lighting'], 'displays');
    const faults = (await hub.api('GET', '/api/checklists', { token: manager })).body.faults;
    expect(faults).toEqual([expect.objectContaining({ itemId: 'displays', status: 'reported', note: 'screen dark', deviceZh: '电子显示屏正常运行' })]);

    const incomplete = await hub.api('POST', `/api/checklists/${c.id}/complete`, { token: manager });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error.code).toBe('items_unanswered');
    expect(incomplete.body.error.message).toContain('Fire equipment in place');
    expect(incomplete.body.error.message).toContain('Lighting sufficient');

    await hub.api('POST', `/api/checklists/${c.id}/answers`, { token: manager, body: { answers: [{ itemId: 'fire', result: 'pass' }, { itemId: 'lighting', result: 'na', note: 'daylight' }] } });
    expect((await hub.api('POST', `/api/checklists/${c.id}/complete`, { token: manager })).body.checklist.status).toBe('completed');

    const before = hub.hub.ledger.lastSeq();
    const wrongPin = await hub.api('POST', `/api/checklists/${c.id}/sign`, { token: supervisor, body: { pin: '123456' } });
    expect(wrongPin.status).toBe(401);
    expect(wrongPin.body.error.code).toBe('wrong_signing_pin');
    // The record is untouched; only the failed PIN attempt is audited (it counts towards the lock).
    expect(hub.hub.ledger.readEvents(before + 1).map((e) => e.type)).toEqual(['auth.failures']);
    expect((await hub.api('POST', `/api/checklists/${c.id}/sign`, { token: manager, body: { pin: '000000' } })).status).toBe(403);

    const signed = await hub.api('POST', `/api/checklists/${c.id}/sign`, { token: supervisor, body: { pin: '000000' } });
    expect(signed.status).toBe(200);
    const record: Checklist = signed.body.checklist;
    expect(record).toMatchObject({ status: 'signed', completedBy: 'manager', signedBy: 'supervisor' });
    const [event] = eventsOfType('checklist.signed') as unknown as { contentHash: string; actor: string }[];
    expect(event!.actor).toBe('supervisor');
    expect(event!.contentHash).toBe(sha256hex(canonicalJson(checklistContent(record))));
    expect(record.contentHash).toBe(event!.contentHash);
  });

  it('never changes a signed checklist; an amendment starts from its answers and is signed again', async () => {
    const list: Checklist[] = (await hub.api('GET', '/api/checklists', { token: manager })).body.checklists;
    const signed = list.find((c) => c.kind === 'opening')!;
    const edit = await hub.api('POST', `/api/checklists/${signed.id}/answers`, { token: manager, body: { answers: [{ itemId: 'fire', result: 'fault', note: '' }] } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('checklist_signed');

    const amended = (await hub.api('POST', `/api/checklists/${signed.id}/amend`, { token: manager })).body.checklist as Checklist;
    expect(amended).toMatchObject({ amends: signed.id, status: 'draft', templateVersion: signed.templateVersion });
    expect(amended.items.map((i) => i.result)).toEqual(signed.items.map((i) => i.result));
    await hub.api('POST', `/api/checklists/${amended.id}/answers`, { token: manager, body: { answers: [{ itemId: 'lighting', result: 'pass', note: 'lamps on' }] } });
    await hub.api('POST', `/api/checklists/${amended.id}/complete`, { token: manager });
    expect((await hub.api('POST', `/api/checklists/${amended.id}/sign`, { token: supervisor, body: { pin: '000000' } })).body.checklist.status).toBe('signed');
    const original = (await hub.api('GET', `/api/checklists/${signed.id}`, { token: manager })).body.checklist;
    expect(original).toMatchObject({ status: 'signed', amendedBy: amended.id, contentHash: signed.contentHash });
    expect(original.items.find((i: { id: string }) => i.id === 'lighting').note).toBe('daylight');
  });

  it('keeps the template version a checklist used when the admin edits the template', async () => {
    const items = [{ id: 'one', zh: '一项', en: 'One item' }];
    expect((await hub.api('POST', '/api/checklists/templates/patrol', { token: manager, body: { items } })).status).toBe(403);
    const bad = await hub.api('POST', '/api/checklists/templates/patrol', { token: admin, body: { items: [...items, ...items] } });
    expect(bad.status).toBe(400);
    const patrol1 = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'patrol' } })).body.checklist as Checklist;
    const saved = await hub.api('POST', '/api/checklists/templates/patrol', { token: admin, body: { items } });
    expect(saved.body.template.version).toBe(2);
    const patrol2 = (await hub.api('POST', '/api/checklists', { token: manager, body: { kind: 'patrol' } })).body.checklist as Checklist;
    expect(patrol2.items.map((i) => i.id)).toEqual(['one']);
    const again = (await hub.api('GET', `/api/checklists/${patrol1.id}`, { token: manager })).body.checklist as Checklist;
    expect(again.templateVersion).toBe(1);
    expect(again.items.length).toBeGreaterThan(1);
  });

  it('tracks a device fault through repair, each step timed', async () => {
    const [fault] = (await hub.api('GET', '/api/checklists', { token: manager })).body.faults;
    const requested = await hub.api('POST', `/api/faults/${encodeURIComponent(fault.id)}/repair-requested`, { token: manager });
    expect(requested.body.fault.status).toBe('repair_requested');
    expect(typeof requested.body.fault.repairRequestedAt).toBe('number');
    const repaired = await hub.api('POST', `/api/faults/${encodeURIComponent(fault.id)}/repaired`, { token: manager, body: { note: 'new cable' } });
    expect(repaired.body.fault).toMatchObject({ status: 'repaired', repairNote: 'new cable' });
    expect((await hub.api('POST', `/api/faults/${encodeURIComponent(fault.id)}/repaired`, { token: manager, body: {} })).status).toBe(409);
  });

  it('does not close the day before the closing checklist is signed, unless an admin overrides with a reason', async () => {
    const refused = await hub.api('POST', '/api/day/close', { token: manager });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('closing_checklist_unsigned');
    expect(hub.hub.state.day?.status).toBe('open');
    const noReason = await hub.api('POST', '/api/day/close', { token: admin });
    expect(noReason.status).toBe(409);
    expect(eventsOfType('day.close_overridden')).toHaveLength(0);

    const closed = await hub.api('POST', '/api/day/close', { token: admin, body: { overrideReason: 'power cut, supervisor absent' } });
    expect(closed.status).toBe(200);
    expect(closed.body.day.status).toBe('closed');
    expect(eventsOfType('day.close_overridden')).toEqual([expect.objectContaining({ actor: 'admin', date: DATE, reason: 'power cut, supervisor absent' })]);
  });

  it('leaves a ledger that verifies, records included', () => {
    expect(verifyLedger(hub.hub.ledger.db)).toMatchObject({ ok: true });
  });
});
