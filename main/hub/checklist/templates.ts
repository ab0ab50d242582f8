// Checklist templates: seeded from resources/checklists/*.json (DOMAIN.md item by item) the
// first time a kind is used, then edited by the admin. Each save is a new version; a
// checklist keeps the version it was started from, so an edit never changes a record.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { CHECKLIST_KINDS, type ChecklistKind, type ChecklistTemplate, type TemplateItem } from '../../common/records.js';
import type { Hub } from '../lobby/hub.js';
import { recordEvent } from '../journal/record.js';

function resourcesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'resources', 'checklists');
}

export function seedTemplate(kind: ChecklistKind): ChecklistTemplate {
  const parsed = JSON.parse(readFileSync(path.join(resourcesDir(), `${kind}.json`), 'utf8')) as ChecklistTemplate;
  return { kind, version: 1, items: parsed.items };
}

export function latestTemplate(db: Database.Database, kind: ChecklistKind): ChecklistTemplate | null {
  const row = db.prepare("SELECT doc FROM checklist_templates WHERE key LIKE ? ORDER BY key DESC LIMIT 1").get(`${kind}:%`) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as ChecklistTemplate) : null;
}

/** The kind's current template, seeding version 1 from the resources when there is none yet. */
export function currentTemplate(hub: Hub, kind: ChecklistKind): ChecklistTemplate {
  const existing = latestTemplate(hub.ledger.db, kind);
  if (existing) return existing;
  const template = seedTemplate(kind);
  recordEvent(hub, { type: 'checklist.template_saved', template }, null);
  return template;
}

export function allTemplates(hub: Hub): ChecklistTemplate[] {
  return CHECKLIST_KINDS.map((k) => currentTemplate(hub, k));
}

export function saveTemplate(hub: Hub, kind: ChecklistKind, items: TemplateItem[], actor: string): ChecklistTemplate {
  const current = currentTemplate(hub, kind);
  const template: ChecklistTemplate = { kind, version: current.version + 1, items: items.map(({ id, zh, en, device }) => (device ? { id, zh, en, device } : { id, zh, en })) };
  recordEvent(hub, { type: 'checklist.template_saved', template }, actor);
  return template;
}
