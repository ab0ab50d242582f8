// Checklist templates: seeded from resources/checklists/*.json (DOMAIN.md item by item) the
// first time a kind is used, then edited by the admin. Each save is a new version; a
// checklist keeps the version it was started from, so an edit never changes a record.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKLIST_KINDS, type ChecklistKind, type ChecklistTemplate, type TemplateItem } from '../../../common/records.js';
import type { Hub } from '../../lobby/hub.js';
import { commitRecords } from '../commit.js';
import { decideTemplate } from './decide.js';
import { latestTemplate } from './projector.js';

function resourcesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'resources', 'checklists');
}

export function seedTemplate(kind: ChecklistKind): ChecklistTemplate {
  const parsed = JSON.parse(readFileSync(path.join(resourcesDir(), `${kind}.json`), 'utf8')) as ChecklistTemplate;
  return { kind, version: 1, items: parsed.items };
}

/** The kind's current template, seeding version 1 from the resources when there is none yet. */
export function currentTemplate(hub: Hub, kind: ChecklistKind): ChecklistTemplate {
  const existing = latestTemplate(hub.ledger.db, kind);
  if (existing) return existing;
  const template = seedTemplate(kind);
  commitRecords(hub, [{ type: 'checklist.template_saved', template }], null);
  return template;
}

export function allTemplates(hub: Hub): ChecklistTemplate[] {
  return CHECKLIST_KINDS.map((k) => currentTemplate(hub, k));
}

export function saveTemplate(hub: Hub, kind: ChecklistKind, items: TemplateItem[], actor: string): ChecklistTemplate {
  const template = decideTemplate(currentTemplate(hub, kind), items);
  commitRecords(hub, [{ type: 'checklist.template_saved', template }], actor);
  return template;
}
