// The lobby manager's work log (大堂经理工作日志): timed entries through the day, completed at
// close with the day's staff on duty and figures. Texts arrive sealed (they may name a customer).
import type { DailyRecordsReport, RecordsEvent, WorklogDay, WorklogEntry, WorklogKind } from '../../../common/records.js';
import { DomainError } from '../../../common/errors.js';

export function existing(e: WorklogEntry | undefined): WorklogEntry {
  if (!e) throw new DomainError('not_found', 'unknown_entry', 'There is no such work-log entry.');
  return e;
}

export function decideAdd(cmd: { id: string; date: string; kind: WorklogKind; sealedText: string; followUpDue?: string | null }): RecordsEvent[] {
  const followUpDue = cmd.followUpDue ?? null;
  if (cmd.kind === 'question' && followUpDue === null) throw new DomainError('invalid', 'invalid_request', 'A question not answered on the spot needs the date its answer is due.');
  return [{ type: 'worklog.added', id: cmd.id, date: cmd.date, kind: cmd.kind, text: cmd.sealedText, followUpDue }];
}

export function decideAnswer(found: WorklogEntry | undefined, sealedAnswer: string): RecordsEvent[] {
  const e = existing(found);
  if (e.answeredAt !== null) throw new DomainError('conflict', 'already_answered', 'This question is already answered.');
  return [{ type: 'worklog.answered', id: e.id, answer: sealedAnswer }];
}

export function checkDayOpen(day: WorklogDay | undefined, date: string): void {
  if (day) throw new DomainError('conflict', 'day_completed', `The work log of ${date} is already completed.`);
}

/** The day's completion keeps its figures as the daily report gives them now. */
export function decideCompleteDay(day: WorklogDay | undefined, date: string, report: DailyRecordsReport, staffOnDuty?: string[]): RecordsEvent[] {
  checkDayOpen(day, date);
  const figures: Record<string, number> = {
    issued: report.totals.issued,
    served: report.totals.served,
    noShow: report.totals.noShow,
    avgWaitMinutes: report.totals.avgWaitMinutes,
    maxWaitMinutes: report.totals.maxWaitMinutes,
    vipVisits: report.totals.vipVisits,
    selfServiceTriage: report.totals.selfServiceTriage,
    complaints: report.complaints.opened,
    opinions: report.opinions.recorded,
    deviceFaults: report.faults.reported,
  };
  return [{ type: 'worklog.day_completed', date, staffOnDuty: staffOnDuty ?? report.staffOnDuty, figures }];
}
