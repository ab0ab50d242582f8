// Checklists and their templates: the tables, the rows each event makes, and the reads.
import type Database from 'better-sqlite3';
import type { Checklist, ChecklistKind, ChecklistTemplate } from '../../../common/records.js';
import { listRecords, sqlStore } from '../document-projector.js';
import { recordsProjector, update } from '../kind.js';

export const templateKey = (kind: string, version: number): string => `${kind}:${String(version).padStart(4, '0')}`;

export const checklistProjector = recordsProjector({
  name: 'checklists',
  documents: ['checklist_templates', 'checklists'],
  reduce(store, e) {
    const { at, actor: by } = e;
    switch (e.type) {
      case 'checklist.template_saved':
        store.put('checklist_templates', templateKey(e.template.kind, e.template.version), e.template satisfies ChecklistTemplate);
        return;
      case 'checklist.started':
        store.put('checklists', e.id, {
          id: e.id,
          kind: e.kind,
          date: e.date,
          templateVersion: e.template.version,
          items: e.template.items.map((i) => ({ ...i, result: null, note: '' })),
          status: 'draft',
          startedAt: at,
          startedBy: by,
          completedAt: null,
          completedBy: null,
          signedAt: null,
          signedBy: null,
          contentHash: null,
          amends: e.amends,
          amendedBy: null,
        } satisfies Checklist);
        if (e.amends) update<Checklist>(store, 'checklists', e.amends, (c) => ({ ...c, amendedBy: e.id }));
        return;
      case 'checklist.answered':
        // A change after completion sends the checklist back to the manager to complete again.
        update<Checklist>(store, 'checklists', e.id, (c) => ({
          ...c,
          ...(c.status === 'completed' ? { status: 'draft' as const, completedAt: null, completedBy: null } : {}),
          items: c.items.map((item) => {
            const a = e.answers.find((x) => x.itemId === item.id);
            return a ? { ...item, result: a.result, note: a.note } : item;
          }),
        }));
        return;
      case 'checklist.completed':
        update<Checklist>(store, 'checklists', e.id, (c) => ({ ...c, status: 'completed', completedAt: at, completedBy: by }));
        return;
      case 'checklist.signed':
        update<Checklist>(store, 'checklists', e.id, (c) => ({ ...c, status: 'signed', signedAt: at, signedBy: by, contentHash: e.contentHash }));
        return;
    }
  },
});

export function findChecklist(db: Database.Database, id: string): Checklist | undefined {
  return sqlStore(db).get<Checklist>('checklists', id);
}

/** A day's checklists, oldest first. */
export function checklistsOf(db: Database.Database, date: string): Checklist[] {
  return listRecords<Checklist>(db, 'checklists', { date }).reverse();
}

export function checklistsWith(db: Database.Database, status: Checklist['status']): Checklist[] {
  return listRecords<Checklist>(db, 'checklists', { status });
}

export function latestTemplate(db: Database.Database, kind: ChecklistKind): ChecklistTemplate | null {
  const row = db.prepare('SELECT doc FROM checklist_templates WHERE key LIKE ? ORDER BY key DESC LIMIT 1').get(`${kind}:%`) as { doc: string } | undefined;
  return row ? (JSON.parse(row.doc) as ChecklistTemplate) : null;
}

export function isSigned(db: Database.Database, kind: ChecklistKind, date: string): boolean {
  return checklistsOf(db, date).some((c) => c.kind === kind && c.status === 'signed');
}
