// The checklist's rules without a database: state and command in, events or a refusal out.
import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistTemplate } from '../../../common/records.js';
import { refusal } from '../test-refusal.js';
import { checkSignable, decideAmend, decideAnswers, decideComplete, decideSign, decideStart, decideTemplate } from './decide.js';

const template: ChecklistTemplate = { kind: 'opening', version: 1, items: [{ id: 'pens', zh: '笔', en: 'Pens' }, { id: 'atm', zh: '自助机', en: 'ATM', device: true }] };

function checklist(over: Partial<Checklist> = {}): Checklist {
  return {
    id: 'c1',
    kind: 'opening',
    date: '2026-03-02',
    templateVersion: 1,
    items: template.items.map((i) => ({ ...i, result: null, note: '' })),
    status: 'draft',
    startedAt: 1,
    startedBy: 'manager',
    completedAt: null,
    completedBy: null,
    signedAt: null,
    signedBy: null,
    contentHash: null,
    amends: null,
    amendedBy: null,
    ...over,
  };
}
const answered = (over: Partial<Checklist> = {}) => checklist({ items: checklist().items.map((i) => ({ ...i, result: 'pass' })), ...over });

describe('checklist decisions', () => {
  it('starts an opening or closing checklist once a day, a patrol as often as needed', () => {
    const cmd = { id: 'c2', kind: 'opening' as const, date: '2026-03-02', template };
    expect(decideStart([], cmd)).toEqual([{ type: 'checklist.started', id: 'c2', kind: 'opening', date: '2026-03-02', template, amends: null }]);
    expect(refusal(() => decideStart([checklist()], cmd))).toMatchObject({ kind: 'conflict', code: 'checklist_exists' });
    // An amendment of the day's opening checklist does not count as the day's first.
    expect(decideStart([checklist({ amends: 'c0', kind: 'patrol' })], { ...cmd, kind: 'patrol' })).toHaveLength(1);
    expect(decideStart([checklist({ kind: 'patrol' })], { ...cmd, kind: 'patrol' })).toHaveLength(1);
  });

  it('records answers, opens one device fault per faulty item, and refuses unknown items and signed lists', () => {
    const events = decideAnswers(checklist(), [{ itemId: 'atm', result: 'fault', note: 'dark' }, { itemId: 'atm', result: 'fault', note: 'dark' }, { itemId: 'pens', result: 'pass', note: '' }], () => false);
    expect(events.map((e) => e.type)).toEqual(['checklist.answered', 'fault.reported']);
    expect(events[1]).toEqual({ type: 'fault.reported', id: 'c1/atm', checklistId: 'c1', itemId: 'atm', date: '2026-03-02', note: 'dark' });
    expect(decideAnswers(checklist(), [{ itemId: 'atm', result: 'fault', note: '' }], (id) => id === 'c1/atm').map((e) => e.type)).toEqual(['checklist.answered']);
    expect(refusal(() => decideAnswers(checklist(), [{ itemId: 'nope', result: 'pass', note: '' }], () => false))).toMatchObject({ kind: 'invalid', code: 'invalid_request' });
    expect(refusal(() => decideAnswers(checklist({ status: 'signed' }), [{ itemId: 'pens', result: 'pass', note: '' }], () => false)).code).toBe('checklist_signed');
    expect(refusal(() => decideAnswers(undefined, [], () => false))).toMatchObject({ kind: 'not_found', code: 'unknown_checklist' });
  });

  it('completes only when every item is answered, naming the ones left', () => {
    const open = refusal(() => decideComplete(checklist({ items: [{ ...template.items[0]!, result: 'pass', note: '' }, { ...template.items[1]!, result: null, note: '' }] })));
    expect(open).toMatchObject({ kind: 'conflict', code: 'items_unanswered' });
    expect(open.message).toContain('自助机 (ATM)');
    expect(open.message).not.toContain('Pens');
    expect(decideComplete(answered())).toEqual([{ type: 'checklist.completed', id: 'c1' }]);
  });

  it('is signed by a second person, once, over the content it was completed with', () => {
    const done = answered({ status: 'completed', completedBy: 'manager', completedAt: 5 });
    expect(refusal(() => checkSignable(done, 'manager')).code).toBe('same_person');
    expect(refusal(() => checkSignable(answered(), 'supervisor')).code).toBe('checklist_not_completed');
    expect(refusal(() => checkSignable(checklist(), 'supervisor')).code).toBe('items_unanswered');
    expect(refusal(() => checkSignable({ ...done, status: 'signed', signedBy: 'supervisor' }, 'supervisor')).message).toContain('already signed by supervisor');
    const [signed] = decideSign(done);
    expect(signed).toMatchObject({ type: 'checklist.signed', id: 'c1', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // A different answer is a different signature.
    const [other] = decideSign({ ...done, items: done.items.map((i) => ({ ...i, note: 'x' })) });
    expect(other).not.toEqual(signed);
    expect(refusal(() => decideSign({ ...done, status: 'signed' })).code).toBe('checklist_signed');
  });

  it('amends only a signed checklist, once, starting from its answers and template version', () => {
    const signed = answered({ status: 'signed', templateVersion: 3 });
    const events = decideAmend(signed, 'c9');
    expect(events[0]).toMatchObject({ type: 'checklist.started', id: 'c9', amends: 'c1', template: { kind: 'opening', version: 3, items: template.items } });
    expect(events[1]).toEqual({ type: 'checklist.answered', id: 'c9', answers: [{ itemId: 'pens', result: 'pass', note: '' }, { itemId: 'atm', result: 'pass', note: '' }] });
    expect(refusal(() => decideAmend(answered(), 'c9')).code).toBe('checklist_not_signed');
    expect(refusal(() => decideAmend({ ...signed, amendedBy: 'c5' }, 'c9')).code).toBe('already_amended');
  });

  it('saves a template as the next version, keeping `device` only where it is set', () => {
    expect(decideTemplate(template, [{ id: 'a', zh: '甲', en: 'A', device: false }, { id: 'b', zh: '乙', en: 'B', device: true }])).toEqual({
      kind: 'opening',
      version: 2,
      items: [{ id: 'a', zh: '甲', en: 'A' }, { id: 'b', zh: '乙', en: 'B', device: true }],
    });
  });
});
