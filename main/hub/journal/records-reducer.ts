// The records' projection: one records event in, the rows it changes out. Pure over a
// RecordStore (SQLite at run time, maps on replay). Routes check every rule BEFORE they
// append an event, so here an event is always applied as it stands.
import type { StoredEvent } from '../../common/events.js';
import type { CareCard, Checklist, ChecklistTemplate, Complaint, DeviceFault, NotebookEntry, Opinion, RecordsEvent, WorklogDay, WorklogEntry } from '../../common/records.js';
import type { RecordStore } from './record-store.js';

const RECORDS_EVENT_TYPES: Record<RecordsEvent['type'], true> = {
  'checklist.template_saved': true,
  'checklist.started': true,
  'checklist.answered': true,
  'checklist.completed': true,
  'checklist.signed': true,
  'fault.reported': true,
  'fault.repair_requested': true,
  'fault.repaired': true,
  'worklog.added': true,
  'worklog.answered': true,
  'worklog.day_completed': true,
  'opinion.recorded': true,
  'opinion.replied': true,
  'opinion.signed': true,
  'opinion.phone_purged': true,
  'complaint.opened': true,
  'complaint.escalated': true,
  'complaint.resolved': true,
  'complaint.signed': true,
  'notebook.saved': true,
  'notebook.imported': true,
  'card.created': true,
  'card.followed_up': true,
  'card.closed': true,
  'day.close_overridden': true,
};

export function isRecordsEventType(type: string): type is RecordsEvent['type'] {
  return Object.hasOwn(RECORDS_EVENT_TYPES, type);
}

export const templateKey = (kind: string, version: number): string => `${kind}:${String(version).padStart(4, '0')}`;

function update<T extends object>(store: RecordStore, table: Parameters<RecordStore['get']>[0], key: string, change: (doc: T) => T): void {
  const doc = store.get<T>(table, key);
  // An event about a record that does not exist cannot come from the routes; on replay the
  // projection comparison names the resulting difference, so it is skipped here.
  if (doc) store.put(table, key, change(doc));
}

export function applyRecordsEvent(store: RecordStore, e: StoredEvent<RecordsEvent>): void {
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
    case 'fault.reported': {
      const checklist = store.get<Checklist>('checklists', e.checklistId);
      const item = checklist?.items.find((i) => i.id === e.itemId);
      store.put('device_faults', e.id, {
        id: e.id,
        date: e.date,
        checklistId: e.checklistId,
        itemId: e.itemId,
        deviceZh: item?.zh ?? e.itemId,
        deviceEn: item?.en ?? e.itemId,
        note: e.note,
        status: 'reported',
        reportedAt: at,
        reportedBy: by,
        repairRequestedAt: null,
        repairedAt: null,
        repairNote: '',
      } satisfies DeviceFault);
      return;
    }
    case 'fault.repair_requested':
      update<DeviceFault>(store, 'device_faults', e.id, (f) => ({ ...f, status: 'repair_requested', repairRequestedAt: at }));
      return;
    case 'fault.repaired':
      update<DeviceFault>(store, 'device_faults', e.id, (f) => ({ ...f, status: 'repaired', repairedAt: at, repairNote: e.note }));
      return;
    case 'worklog.added':
      store.put('worklog_entries', e.id, {
        id: e.id,
        date: e.date,
        kind: e.kind,
        text: e.text,
        followUpDue: e.followUpDue,
        answer: null,
        answeredAt: null,
        at,
        by,
      } satisfies WorklogEntry);
      return;
    case 'worklog.answered':
      update<WorklogEntry>(store, 'worklog_entries', e.id, (w) => ({ ...w, answer: e.answer, answeredAt: at }));
      return;
    case 'worklog.day_completed':
      store.put('worklog_days', e.date, { date: e.date, completedAt: at, completedBy: by, staffOnDuty: e.staffOnDuty, figures: e.figures } satisfies WorklogDay);
      return;
    case 'opinion.recorded':
      store.put('opinions', e.id, {
        id: e.id,
        date: e.date,
        source: e.source,
        theme: e.theme,
        text: e.text,
        hasPhone: e.phoneKey !== null,
        phoneKey: e.phoneKey,
        dueDate: e.dueDate,
        recordedAt: at,
        recordedBy: by,
        reply: null,
        repliedAt: null,
        repliedBy: null,
        signedAt: null,
        signedBy: null,
        contentHash: null,
        phonePurgedAt: null,
        status: 'open',
      } satisfies Opinion);
      return;
    case 'opinion.replied':
      update<Opinion>(store, 'opinions', e.id, (o) => ({ ...o, reply: e.reply, repliedAt: at, repliedBy: by, status: 'replied' }));
      return;
    case 'opinion.signed':
      update<Opinion>(store, 'opinions', e.id, (o) => ({ ...o, signedAt: at, signedBy: by, contentHash: e.contentHash, status: 'signed' }));
      return;
    case 'opinion.phone_purged':
      for (const id of e.ids) update<Opinion>(store, 'opinions', id, (o) => ({ ...o, phonePurgedAt: at }));
      return;
    case 'complaint.opened':
      store.put('complaints', e.complaint.id, {
        ...e.complaint,
        openedAt: at,
        owner: by,
        status: 'open',
        escalatedAt: null,
        resolution: null,
        resolvedAt: null,
        resolvedBy: null,
        signedAt: null,
        signedBy: null,
        contentHash: null,
      } satisfies Complaint);
      return;
    case 'complaint.escalated':
      update<Complaint>(store, 'complaints', e.id, (c) => ({ ...c, status: 'escalated', escalatedAt: at }));
      return;
    case 'complaint.resolved':
      update<Complaint>(store, 'complaints', e.id, (c) => ({ ...c, status: 'resolved', resolution: e.resolution, resolvedAt: at, resolvedBy: by }));
      return;
    case 'complaint.signed':
      update<Complaint>(store, 'complaints', e.id, (c) => ({ ...c, status: 'closed', signedAt: at, signedBy: by, contentHash: e.contentHash }));
      return;
    case 'notebook.saved':
      store.put('notebook', e.customerKey, { customerKey: e.customerKey, title: e.title, notes: e.notes, tags: e.tags, updatedAt: at, updatedBy: by } satisfies NotebookEntry);
      return;
    case 'notebook.imported':
      for (const entry of e.entries) store.put('notebook', entry.customerKey, { ...entry, updatedAt: at, updatedBy: by } satisfies NotebookEntry);
      return;
    case 'card.created':
      store.put('care_cards', e.id, {
        id: e.id,
        kind: e.kind,
        date: e.date,
        title: e.title,
        need: e.need,
        assignedTo: e.assignedTo,
        dueDate: e.dueDate,
        status: 'open',
        followUps: [],
        createdAt: at,
        createdBy: by,
        closedAt: null,
        outcome: null,
      } satisfies CareCard);
      return;
    case 'card.followed_up':
      update<CareCard>(store, 'care_cards', e.id, (c) => ({ ...c, status: 'contacted', followUps: [...c.followUps, { at, by, note: e.note }] }));
      return;
    case 'card.closed':
      update<CareCard>(store, 'care_cards', e.id, (c) => ({ ...c, status: 'closed', closedAt: at, outcome: e.outcome }));
      return;
    case 'day.close_overridden':
      store.put('day_overrides', e.date, { date: e.date, reason: e.reason, at, by });
      return;
  }
}
