// The work log's rules without a database.
import { describe, expect, it } from 'vitest';
import type { DailyRecordsReport, WorklogEntry } from '../../../common/records.js';
import { refusal } from '../test-refusal.js';
import { decideAdd, decideAnswer, decideCompleteDay } from './decide.js';

const entry = (answeredAt: number | null): WorklogEntry => ({ id: 'w1', date: '2026-05-04', kind: 'question', text: 'sealed', followUpDue: '2026-05-05', answer: null, answeredAt, at: 1, by: 'manager' });

describe('work-log decisions', () => {
  it('needs a due date for a question, and none for other entries', () => {
    expect(refusal(() => decideAdd({ id: 'w1', date: '2026-05-04', kind: 'question', sealedText: 's' }))).toMatchObject({ kind: 'invalid', code: 'invalid_request' });
    expect(decideAdd({ id: 'w1', date: '2026-05-04', kind: 'question', sealedText: 's', followUpDue: '2026-05-05' })).toEqual([
      { type: 'worklog.added', id: 'w1', date: '2026-05-04', kind: 'question', text: 's', followUpDue: '2026-05-05' },
    ]);
    expect(decideAdd({ id: 'w2', date: '2026-05-04', kind: 'note', sealedText: 's' })[0]).toMatchObject({ followUpDue: null });
  });

  it('answers a question once', () => {
    expect(decideAnswer(entry(null), 'sealed answer')).toEqual([{ type: 'worklog.answered', id: 'w1', answer: 'sealed answer' }]);
    expect(refusal(() => decideAnswer(entry(5), 'x'))).toMatchObject({ kind: 'conflict', code: 'already_answered' });
    expect(refusal(() => decideAnswer(undefined, 'x'))).toMatchObject({ kind: 'not_found', code: 'unknown_entry' });
  });

  it("completes a day once, keeping the report's figures and its staff unless the manager names them", () => {
    const report = {
      totals: { issued: 10, served: 8, noShow: 1, avgWaitMinutes: 4, maxWaitMinutes: 12, vipVisits: 2, selfServiceTriage: 3 },
      complaints: { opened: 1 },
      opinions: { recorded: 2 },
      faults: { reported: 1 },
      staffOnDuty: ['manager', 'teller1'],
    } as unknown as DailyRecordsReport;
    const [event] = decideCompleteDay(undefined, '2026-05-04', report);
    expect(event).toEqual({
      type: 'worklog.day_completed',
      date: '2026-05-04',
      staffOnDuty: ['manager', 'teller1'],
      figures: { issued: 10, served: 8, noShow: 1, avgWaitMinutes: 4, maxWaitMinutes: 12, vipVisits: 2, selfServiceTriage: 3, complaints: 1, opinions: 2, deviceFaults: 1 },
    });
    expect(decideCompleteDay(undefined, '2026-05-04', report, ['supervisor'])[0]).toMatchObject({ staffOnDuty: ['supervisor'] });
    const done = { date: '2026-05-04', completedAt: 1, completedBy: 'manager', staffOnDuty: [], figures: {} };
    expect(refusal(() => decideCompleteDay(done, '2026-05-04', report))).toMatchObject({ kind: 'conflict', code: 'day_completed' });
  });
});
