// The daily report of DOMAIN.md, every figure computed from the ledger's events: the queue
// figures from the tickets the engine's replay of the day gives, the records' figures from
// the records' tables (verify checks them against the events), the rest from the day's events.
// Decisions: a wait is from issue to the (last) call; "over target" counts called tickets
// whose wait passed the service's target; a VIP visit is a ticket of priority vip or of the
// `vip` service; triage to self-service counts the manager's and the kiosk's self-service
// events, once per visit (a kiosk's "I need help" on the self-service page is the same visit);
// kiosk help counts `kiosk_help` alerts. Staff on duty are the tellers, managers and
// supervisors who acted that day: the admin sets the branch up and serves no customer, so an
// admin at work is never counted on duty. Teller figures (`staff`) come from the same replay
// (staff-figures.ts says how each is measured). Estimate accuracy (`estimates`, per service and
// in total) compares each called ticket's estimate at issue with its wait (accuracy.ts).
import type Database from 'better-sqlite3';
import type { Ticket } from '../../common/domain.js';
import type { FraudIntervention } from '../../common/fraud.js';
import type { CareCard, Checklist, Complaint, DailyRecordsReport, DeviceFault, Opinion, WorklogDay } from '../../common/records.js';
import { CHECKLIST_KINDS } from '../../common/records.js';
import { localDate } from '../lobby/business-day.js';
import { addDays, localTime } from '../records/settings.js';
import { ticketsOfDays, type DayTickets } from './day-tickets.js';
import { recordsOf, type RecordsView } from './records-read.js';
import { staffReplay } from './staff-days.js';
import { staffRows, type StaffTallies } from './staff-figures.js';
import { ratingsFor } from '../rating/ratings-for.js';
import { elderlyFigures, elderlyTally, NO_ELDERLY, type ElderlyTally } from './elderly.js';
import { accuracyFigures, accuracyTally, NO_ACCURACY, type AccuracyTally } from './accuracy.js';
import { fraudFigures } from '../records/intervention/decide.js';
import { TABLE as INTERVENTIONS } from '../records/intervention/projector.js';
import { actorsBetween, countAlertsRaisedBetween, countSelfServiceVisitsBetween, definedStaffRoles } from '../ledger/event-reads.js';

const round1 = (x: number) => Math.round(x * 10) / 10;
const MIN = 60_000;
const waitOf = (t: Ticket) => ((t.calledAt as number) - t.issuedAt) / MIN;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
const max = (xs: number[]) => (xs.length ? round1(Math.max(...xs)) : 0);

/** @param now the hub's clock: today's figures count time (a pause still running) up to now. */
export function dailyReport(db: Database.Database, date: string, now = Date.now()): DailyRecordsReport {
  return dailyReports(db, [date], now).reports.get(date)!;
}

/** Several days in one pass over the ledger (the monthly report), with the teller tallies a month adds up. */
export function dailyReports(
  db: Database.Database,
  dates: string[],
  now = Date.now(),
): { reports: Map<string, DailyRecordsReport>; staff: Map<string, StaffTallies>; elderly: Map<string, ElderlyTally>; accuracy: Map<string, AccuracyTally> } {
  const replay = staffReplay(dates, now);
  const days = ticketsOfDays(db, dates, replay.observe);
  const tallies = replay.finish(db);
  const records = recordsOf(db);
  const staff = dutyStaff(db);
  const reports = new Map<string, DailyRecordsReport>();
  const elderly = new Map<string, ElderlyTally>();
  const accuracy = new Map<string, AccuracyTally>();
  for (const date of dates) {
    const day = days.get(date) ?? null;
    const tally = day ? elderlyTally(day.tickets) : NO_ELDERLY;
    elderly.set(date, tally);
    accuracy.set(date, day ? accuracyTally(day.tickets, day.issuedEstimates) : NO_ACCURACY);
    reports.set(date, reportOf(db, date, day, records, staff, tallies.get(date) ?? new Map(), tally));
  }
  return { reports, staff: tallies, elderly, accuracy };
}

function reportOf(db: Database.Database, date: string, day: DayTickets | null, records: RecordsView, staff: Set<string>, tellers: StaffTallies, elderly: ElderlyTally): DailyRecordsReport {
  const tickets = day?.tickets ?? [];
  const issuedEstimates = day?.issuedEstimates ?? new Map();
  const called = (ts: Ticket[]) => ts.filter((t) => t.calledAt !== null);
  const services = (day?.services ?? []).map((s) => {
    const mine = tickets.filter((t) => t.service === s.code);
    const waits = called(mine).map(waitOf);
    const overTarget = waits.filter((w) => w > s.targetWaitMinutes).length;
    return {
      service: s.code,
      issued: mine.length,
      served: mine.filter((t) => t.status === 'done').length,
      noShow: mine.filter((t) => t.status === 'no_show').length,
      unserved: mine.filter((t) => t.status === 'unserved_at_close').length,
      avgWaitMinutes: mean(waits),
      maxWaitMinutes: max(waits),
      overTarget,
      overTargetShare: waits.length ? round1((overTarget / waits.length) * 100) : 0,
      estimates: accuracyFigures(accuracyTally(mine, issuedEstimates)),
    };
  });
  const allWaits = called(tickets).map(waitOf);

  const start = localTime(date, '00:00');
  const end = localTime(addDays(date, 1), '00:00');
  const selfServiceTriage = countSelfServiceVisitsBetween(db, start, end);
  const kioskHelp = countAlertsRaisedBetween(db, 'kiosk_help', start, end);

  const byHour = new Map<number, { arrivals: number; waits: number[] }>();
  for (const t of tickets) {
    const hour = new Date(t.issuedAt).getHours();
    const h = byHour.get(hour) ?? { arrivals: 0, waits: [] };
    h.arrivals += 1;
    if (t.calledAt !== null) h.waits.push(waitOf(t));
    byHour.set(hour, h);
  }

  const complaints = records.all<Complaint>('complaints').filter((c) => c.date === date);
  const opinions = records.all<Opinion>('opinions').filter((o) => o.date === date);
  const repliedInTime = (o: Opinion) => o.repliedAt !== null && localDate(o.repliedAt) <= o.dueDate;
  const cards = records.all<CareCard>('care_cards');
  const faults = records.all<DeviceFault>('device_faults').filter((f) => f.date === date);
  const repairs = faults.filter((f) => f.repairedAt !== null).map((f) => ((f.repairedAt as number) - f.reportedAt) / MIN);
  const checklists = records.all<Checklist>('checklists').filter((c) => c.date === date);
  const worklogDay = records.get<WorklogDay>('worklog_days', date);

  return {
    date,
    services,
    totals: {
      issued: tickets.length,
      called: allWaits.length,
      served: tickets.filter((t) => t.status === 'done').length,
      noShow: tickets.filter((t) => t.status === 'no_show').length,
      vipVisits: tickets.filter((t) => t.priority === 'vip' || t.service === 'vip').length,
      greenChannel: tickets.filter((t) => t.priority === 'green').length,
      selfServiceTriage,
      kioskHelp,
      avgWaitMinutes: mean(allWaits),
      maxWaitMinutes: max(allWaits),
      overTarget: services.reduce((a, s) => a + s.overTarget, 0),
    },
    byHour: [...byHour.entries()].sort((a, b) => a[0] - b[0]).map(([hour, h]) => ({ hour, arrivals: h.arrivals, avgWaitMinutes: mean(h.waits) })),
    complaints: {
      opened: complaints.length,
      closedInTime: complaints.filter((c) => c.resolvedAt !== null && c.resolvedAt <= c.dueAt).length,
      closedLate: complaints.filter((c) => c.resolvedAt !== null && c.resolvedAt > c.dueAt).length,
      open: complaints.filter((c) => c.resolvedAt === null).length,
    },
    opinions: {
      recorded: opinions.length,
      replied: opinions.filter((o) => o.repliedAt !== null).length,
      repliedInTime: opinions.filter(repliedInTime).length,
      overdue: opinions.filter((o) => o.dueDate <= date && !repliedInTime(o)).length,
    },
    cards: {
      referral: cards.filter((c) => c.date === date && c.kind === 'referral').length,
      care: cards.filter((c) => c.date === date && c.kind === 'care').length,
      closed: cards.filter((c) => c.closedAt !== null && localDate(c.closedAt) === date).length,
    },
    faults: { reported: faults.length, repaired: repairs.length, avgRepairMinutes: mean(repairs), open: faults.length - repairs.length },
    checklists: CHECKLIST_KINDS.flatMap((kind) =>
      checklists.filter((c) => c.kind === kind && c.amendedBy === null).map((c) => ({ kind, signed: c.status === 'signed', signedBy: c.signedBy })),
    ),
    staffOnDuty: worklogDay?.staffOnDuty ?? staffActive(db, start, end, staff),
    staff: staffRows(tellers),
    ratings: ratingsFor(db, date),
    elderly: elderlyFigures(elderly),
    estimates: accuracyFigures(accuracyTally(tickets, issuedEstimates)),
    // Counted on the day each was recorded, signed or not (`signed` says how many are).
    fraud: fraudFigures(records.all<FraudIntervention>(INTERVENTIONS).filter((i) => i.date === date)),
  };
}


/** Who can be on duty: every staff member but the admins. */
function dutyStaff(db: Database.Database): Set<string> {
  return new Set([...definedStaffRoles(db)].filter(([, role]) => role !== 'admin').map(([id]) => id));
}

/** Staff who acted that day (logins aside): the actors of the day's events, and who opened a counter. */
function staffActive(db: Database.Database, start: number, end: number, staff: Set<string>): string[] {
  return actorsBetween(db, start, end).filter((a) => staff.has(a)).sort();
}
