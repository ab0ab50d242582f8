// Applying a version of head office's branch configuration (issue 16 point 4) as ordinary
// events in this hub's ledger, through its one write path: services as service.defined (what
// POST /api/services commits), kiosk choices as settings.changed (PUT /api/kiosk/config),
// checklist templates as checklist.template_saved (the branch's next template version), the
// VIP register as vip.register_imported (it replaces the branch's, as a CRM import does). The
// office.config_applied event that names the (kind, version) goes in the same commit, so a
// version is applied whole or not at all, and once. The branch's own rules decide first: a
// version they refuse (kiosk choices naming a service this branch lacks, a prefix another of
// its services uses) throws a DomainError before anything is written.
import type { LobbyState } from '../../common/domain.js';
import { DomainError } from '../../common/errors.js';
import type { LedgerEvent } from '../../common/events.js';
import {
  CONFIG_DOCUMENTS,
  type ChecklistTemplatesDocument,
  type ConfigKind,
  type KioskChoicesDocument,
  type PulledConfig,
  type ServicesDocument,
} from '../../common/office/config-wire.js';
import { own } from '../../common/own.js';
import type { RecordsEvent } from '../../common/records.js';
import { applyOfficeRegister } from '../customers/vip-register.js';
import { kioskChoicesChanged } from '../kiosk/choices.js';
import type { Hub } from '../lobby/hub.js';
import { serviceFromDefinition } from '../lobby/service-definition.js';
import { decide } from '../queue/index.js';
import { decideTemplate } from '../records/checklist/decide.js';
import { latestTemplate } from '../records/checklist/projector.js';
import { seedTemplate } from '../records/checklist/templates.js';
import { readSetting } from '../settings/settings-projector.js';

/** The actor of what head office's configuration writes. */
export const CONFIG_ACTOR = 'office:config';

/** Each service defined or edited as POST /api/services would; one already as given adds nothing. */
export function servicesEvents(state: LobbyState, doc: ServicesDocument, now: number): LedgerEvent[] {
  let s = state;
  const events: LedgerEvent[] = [];
  for (const body of doc.services) {
    const service = serviceFromDefinition(s, body);
    events.push(...decide(s, { type: 'service.define', service }, now));
    // The next service is checked against this one too (two new services, one prefix).
    s = { ...s, services: { ...s.services, [service.code]: service } };
  }
  return events;
}

/** The kiosk's choices, refused when one names a service this branch does not have. */
export function kioskChoicesEvents(state: LobbyState, doc: KioskChoicesDocument, current: string | undefined): LedgerEvent[] {
  const unknown = doc.choices.find((c) => c.service !== null && !own(state.services, c.service));
  if (unknown) throw new DomainError('invalid', 'unknown_service', `Choice "${unknown.nameZh}" names service "${unknown.service}", which this branch does not have.`);
  const event = kioskChoicesChanged(doc.choices);
  return event.value === current ? [] : [event];
}

/** Each kind's items as the branch's next template version (its first, seeded, saved first when it has none). */
export function templateEvents(latest: (kind: ChecklistTemplatesDocument['templates'][number]['kind']) => ReturnType<typeof latestTemplate>, doc: ChecklistTemplatesDocument): RecordsEvent[] {
  const events: RecordsEvent[] = [];
  for (const t of doc.templates) {
    const held = latest(t.kind);
    const current = held ?? seedTemplate(t.kind);
    if (!held) events.push({ type: 'checklist.template_saved', template: current });
    const next = decideTemplate(current, t.items);
    if (JSON.stringify(next.items) !== JSON.stringify(current.items)) events.push({ type: 'checklist.template_saved', template: next });
  }
  return events;
}

const marker = (kind: ConfigKind, version: number, events: number): LedgerEvent => ({ type: 'office.config_applied', kind, version, events });

/**
 * Applies one pulled version in one commit. Throws DomainError (the branch's refusal) or
 * ZodError (a document this hub cannot read) with nothing written.
 */
export function applyConfig(hub: Hub, pulled: PulledConfig): { events: number } {
  const { kind, version } = pulled;
  const db = hub.ledger.db;
  const now = hub.clock();
  let events: LedgerEvent[];
  switch (kind) {
    case 'services':
      events = servicesEvents(hub.state, CONFIG_DOCUMENTS.services.parse(pulled.document), now);
      break;
    case 'kiosk-choices':
      events = kioskChoicesEvents(hub.state, CONFIG_DOCUMENTS['kiosk-choices'].parse(pulled.document), readSetting(db, 'kiosk.choices'));
      break;
    case 'checklist-templates':
      events = templateEvents((k) => latestTemplate(db, k), CONFIG_DOCUMENTS['checklist-templates'].parse(pulled.document));
      break;
    case 'vip-register': {
      const doc = CONFIG_DOCUMENTS['vip-register'].parse(pulled.document);
      applyOfficeRegister(hub, doc.register, [marker(kind, version, 1)], CONFIG_ACTOR);
      return { events: 1 };
    }
  }
  hub.commit([...events, marker(kind, version, events.length)], CONFIG_ACTOR, now);
  return { events: events.length };
}
