// Reminders on the manager console, raised as alerts by a timer in the hub and resolved when
// done: the opening checklist not completed by opening time, a patrol due, the closing
// checklist, opinions and complaints past their time (a complaint past its limit is also
// escalated), follow-ups due (cards, unanswered work-log questions); and the purge of
// opinion phones past their retention.
import type { Alert } from '../../common/alerts.js';
import type { WorklogEntry } from '../../common/records.js';
import type { AlertBook } from '../alerts/alert-book.js';
import type { Hub } from '../lobby/hub.js';
import { localDate } from '../lobby/business-day.js';
import { subject, vaultOf } from '../personal/vault.js';
import { cards } from './card/projector.js';
import { checklistsOf } from './checklist/projector.js';
import { commitRecords } from './commit.js';
import { decideEscalate, isLate } from './complaint/decide.js';
import { complaintsWith } from './complaint/projector.js';
import { isOpinionOverdue } from './opinion/decide.js';
import { opinionsWith } from './opinion/projector.js';
import { purgePhones } from './opinion/purge.js';
import { localTime, recordsSettings } from './settings.js';
import { worklogEntries } from './worklog/projector.js';

export function checkReminders(hub: Hub, alerts: AlertBook, now = hub.clock()): void {
  const db = hub.ledger.db;
  const today = localDate(now);
  const settings = recordsSettings(db);
  const due = (key: string, isDue: boolean, raise: () => Alert) => (isDue ? raise() : alerts.isOpen(key) ? alerts.resolve(key) : undefined);

  const lists = checklistsOf(db, today);
  const done = (kind: string) => lists.filter((c) => c.kind === kind && c.status !== 'draft').length;
  const openingKey = `checklist:opening:${today}`;
  due(openingKey, now >= localTime(today, settings.openingTime) && done('opening') === 0, () =>
    alerts.raise({ kind: 'checklist_due', key: openingKey, details: { checklist: 'opening', date: today, dueTime: settings.openingTime } }, null),
  );
  settings.patrolTimes.forEach((time, i) => {
    const key = `patrol:${today}:${i + 1}`;
    due(key, now >= localTime(today, time) && done('patrol') < i + 1, () =>
      alerts.raise({ kind: 'patrol_due', key, details: { patrol: i + 1, date: today, dueTime: time } }, null),
    );
  });
  const closingKey = `checklist:closing:${today}`;
  due(closingKey, now >= localTime(today, settings.closingTime) && !lists.some((c) => c.kind === 'closing' && c.status === 'signed'), () =>
    alerts.raise({ kind: 'checklist_due', key: closingKey, details: { checklist: 'closing', date: today, dueTime: settings.closingTime } }, null),
  );

  const pastClosing = now >= localTime(today, settings.closingTime);
  for (const o of opinionsWith(db, 'open')) {
    const key = `opinion:${o.id}`;
    due(key, isOpinionOverdue(o, today, pastClosing), () => alerts.raise({ kind: 'opinion_overdue', key, details: { dueDate: o.dueDate, phone: o.hasPhone } }, null));
  }
  for (const o of opinionsWith(db, 'replied')) if (alerts.isOpen(`opinion:${o.id}`)) alerts.resolve(`opinion:${o.id}`);

  for (const status of ['open', 'escalated', 'resolved'] as const) {
    for (const c of complaintsWith(db, status)) {
      const key = `complaint:${c.id}`;
      const late = isLate(c, now);
      commitRecords(hub, decideEscalate(c, now), null);
      due(key, late, () => alerts.raise({ kind: 'complaint_overdue', key, details: { dueAt: new Date(c.dueAt).toISOString(), owner: c.owner } }, null));
    }
  }

  for (const status of ['open', 'contacted'] as const) {
    for (const card of cards(db, status)) {
      const key = `followup:card:${card.id}`;
      due(key, card.dueDate <= today, () => alerts.raise({ kind: 'followup_due', key, details: { card: card.kind, title: card.title, assignedTo: card.assignedTo, dueDate: card.dueDate } }, null));
    }
  }
  for (const card of cards(db, 'closed')) if (alerts.isOpen(`followup:card:${card.id}`)) alerts.resolve(`followup:card:${card.id}`);
  for (const e of worklogEntries(db)) {
    if (e.kind !== 'question') continue;
    const key = `followup:question:${e.id}`;
    due(key, e.answeredAt === null && e.followUpDue !== null && e.followUpDue <= today, () =>
      alerts.raise({ kind: 'followup_due', key, details: { question: shortQuestion(hub, e), dueDate: e.followUpDue } }, null),
    );
  }

  purgePhones(hub, now);
}

/** The question's first words for the alert, sealed again under the entry's own key. */
function shortQuestion(hub: Hub, e: WorklogEntry): string {
  const vault = vaultOf(hub.ledger.db);
  return vault.seal(subject.worklog(e.id), vault.open(e.text).slice(0, 60));
}

/** Runs the reminders now and every minute; returns the stop function. */
export function startReminders(hub: Hub, alerts: AlertBook, everyMs = 60_000): () => void {
  const tick = () => {
    try {
      checkReminders(hub, alerts);
    } catch (err) {
      // A reminder that fails must not take the hub down; it is tried again next minute.
      console.error('reminders:', err instanceof Error ? err.message : err);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
