// The branch's rules on head office's configuration, without a database: which events a
// version becomes, and what the branch refuses before anything is written.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/errors.js';
import { ChecklistTemplatesDocument, KioskChoicesDocument, ServicesDocument } from '../../common/office/config-wire.js';
import type { ChecklistTemplate } from '../../common/records.js';
import { branch, T0 } from '../queue/test-support.js';
import { kioskChoicesEvents, servicesEvents, templateEvents } from './config-apply.js';

const svc = (code: string, prefix: string) => ({ code, prefix, nameZh: code, nameEn: code, targetWaitMinutes: 10, maxWaitMinutes: 20 });
const choice = (id: string, service: string | null) => ({ id, nameZh: id, nameEn: id, service, selfService: null, fraudPrompt: false });

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  throw new Error('not refused');
}

describe('services from head office', () => {
  it('defines the new, edits the changed (keeping its prior service minutes), and adds nothing for one already as given', () => {
    const state = branch();
    const cash = { ...state.services.cash!, nameEn: 'Cash' };
    const events = servicesEvents(state, ServicesDocument.parse({ services: [svc('fx', 'F'), { ...cash, priorServiceMinutes: undefined }, state.services.noncash] }), T0);
    expect(events).toEqual([
      { type: 'service.defined', service: { ...svc('fx', 'F'), priorServiceMinutes: 5 } },
      { type: 'service.defined', service: cash },
    ]);
  });

  it("refuses a prefix another of the branch's services uses", () => {
    expect(refusal(() => servicesEvents(branch(), ServicesDocument.parse({ services: [svc('gold', 'B')] }), T0))).toBe('prefix_taken');
  });
});

describe('kiosk choices from head office', () => {
  it('refuses a choice naming a service the branch lacks; adds nothing when they are already set', () => {
    const state = branch();
    expect(refusal(() => kioskChoicesEvents(state, KioskChoicesDocument.parse({ choices: [choice('gold', 'gold')] }), undefined))).toBe('unknown_service');
    const doc = KioskChoicesDocument.parse({ choices: [choice('cash', 'cash'), choice('ask', null)] });
    const [event] = kioskChoicesEvents(state, doc, undefined);
    expect(event).toMatchObject({ type: 'settings.changed', key: 'kiosk.choices' });
    expect(kioskChoicesEvents(state, doc, (event as { value: string }).value)).toEqual([]);
  });
});

describe('checklist templates from head office', () => {
  const items = [{ id: 'lights', zh: '开灯', en: 'Lights on' }];
  it("saves the branch's next version, the seeded first one before it when the branch has none", () => {
    const held: ChecklistTemplate = { kind: 'opening', version: 4, items: [{ id: 'door', zh: '开门', en: 'Door open' }] };
    const doc = ChecklistTemplatesDocument.parse({ templates: [{ kind: 'opening', items }, { kind: 'closing', items }] });
    const events = templateEvents((k) => (k === 'opening' ? held : null), doc);
    expect(events.map((e) => (e.type === 'checklist.template_saved' ? [e.template.kind, e.template.version] : null))).toEqual([
      ['opening', 5],
      ['closing', 1],
      ['closing', 2],
    ]);
    expect(templateEvents(() => ({ kind: 'opening', version: 5, items }), ChecklistTemplatesDocument.parse({ templates: [{ kind: 'opening', items }] }))).toEqual([]);
  });
});
