// The monthly report: the daily figures trended by day (every day the branch opened or kept
// a record), the month's totals, the opinion book's summary by theme, and the teller figures
// (the days' raw sums added, then averaged once: weighted, never an average of averages).
import type Database from 'better-sqlite3';
import type { FraudIntervention } from '../../common/fraud.js';
import type { DailyRecordsReport, MonthlyReport, Opinion } from '../../common/records.js';
import { addDays } from '../records/settings.js';
import { dailyReports } from './daily.js';
import { recordsOf } from './records-read.js';
import { addTallies, staffRows, type StaffTallies } from './staff-figures.js';
import { ratingsFor } from '../rating/ratings-for.js';
import { addElderly, elderlyFigures, NO_ELDERLY } from './elderly.js';
import { accuracyFigures, addAccuracy, NO_ACCURACY } from './accuracy.js';
import { fraudFigures } from '../records/intervention/decide.js';
import { TABLE as INTERVENTIONS } from '../records/intervention/projector.js';

export function monthDates(month: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

export function monthlyReport(db: Database.Database, month: string, now = Date.now()): MonthlyReport {
  const all = dailyReports(db, monthDates(month), now);
  const reports = [...all.reports.values()].filter(hasActivity);
  const tellers = [...all.staff.values()].reduce<StaffTallies>((a, d) => addTallies(a, d), new Map());
  const days = reports.map(({ date, totals, complaints, opinions, cards, faults, estimates }) => ({ date, totals, complaints, opinions, cards, faults, estimates }));
  const sum = (f: (t: DailyRecordsReport['totals']) => number) => days.reduce((a, d) => a + f(d.totals), 0);
  const called = sum((t) => t.called);
  const themes = new Map<string, { count: number; replied: number }>();
  for (const o of recordsOf(db).all<Opinion>('opinions').filter((x) => x.date.startsWith(month))) {
    const t = themes.get(o.theme) ?? { count: 0, replied: 0 };
    t.count += 1;
    if (o.repliedAt !== null) t.replied += 1;
    themes.set(o.theme, t);
  }
  return {
    month,
    days,
    totals: {
      issued: sum((t) => t.issued),
      served: sum((t) => t.served),
      noShow: sum((t) => t.noShow),
      vipVisits: sum((t) => t.vipVisits),
      greenChannel: sum((t) => t.greenChannel),
      selfServiceTriage: sum((t) => t.selfServiceTriage),
      kioskHelp: sum((t) => t.kioskHelp),
      called,
      // Each day's average weighted by the customers it called (the days' averages are rounded
      // to 0.1 minute, so this can differ from a mean over every ticket by a few hundredths).
      avgWaitMinutes: called ? Math.round((days.reduce((a, d) => a + d.totals.avgWaitMinutes * d.totals.called, 0) / called) * 10) / 10 : 0,
      maxWaitMinutes: Math.max(0, ...days.map((d) => d.totals.maxWaitMinutes)),
      overTarget: sum((t) => t.overTarget),
    },
    opinionThemes: [...themes.entries()].sort((a, b) => b[1].count - a[1].count).map(([theme, t]) => ({ theme, ...t })),
    staff: staffRows(tellers),
    ratings: ratingsFor(db, `${month}-01`, `${month}-31`),
    elderly: elderlyFigures([...all.elderly.values()].reduce(addElderly, NO_ELDERLY)),
    estimates: accuracyFigures([...all.accuracy.values()].reduce(addAccuracy, NO_ACCURACY)),
    fraud: fraudFigures(recordsOf(db).all<FraudIntervention>(INTERVENTIONS).filter((i) => i.date.startsWith(month))),
  };
}

function hasActivity(r: DailyRecordsReport): boolean {
  return r.totals.issued > 0 || r.complaints.opened > 0 || r.opinions.recorded > 0 || r.faults.reported > 0 || r.checklists.length > 0;
}
