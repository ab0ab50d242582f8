// CSV exports of the reports: UTF-8 with a BOM so that Excel on a Chinese Windows opens the
// Chinese headers correctly; one header row, one row per service, day or teller. Headers are
// bilingual (中文 English), so one file serves either language's reader.
import type { FraudFigures } from '../../common/fraud.js';
import type { RatingsSection } from '../../common/rating.js';
import type { DailyRecordsReport, ElderlyFigures, EstimateAccuracy, MonthlyReport, StaffFigures } from '../../common/records.js';

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const lines = (rows: (string | number | null)[][]) => '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

export function dailyCsv(r: DailyRecordsReport): string {
  const rows: (string | number | null)[][] = [
    ['日期 date', '业务 service', '取号 issued', '办结 served', '过号 no-show', '未办 unserved', '平均等候(分) avg wait (min)', '最长等候(分) max wait (min)', '超目标 over target', '超目标占比% share over target'],
    ...r.services.map((s) => [r.date, s.service, s.issued, s.served, s.noShow, s.unserved, s.avgWaitMinutes, s.maxWaitMinutes, s.overTarget, s.overTargetShare]),
    [r.date, '合计 total', r.totals.issued, r.totals.served, r.totals.noShow, null, r.totals.avgWaitMinutes, r.totals.maxWaitMinutes, r.totals.overTarget, null],
    [],
    ['项目 figure', '数值 value'],
    ['贵宾到访 VIP visits', r.totals.vipVisits],
    ['绿色通道 green channel', r.totals.greenChannel],
    ...elderlyRows(r.elderly),
    ['分流至自助 triage to self-service', r.totals.selfServiceTriage],
    ['自助协助 kiosk help', r.totals.kioskHelp],
    ['投诉 complaints opened', r.complaints.opened],
    ['限时内办结 closed in time', r.complaints.closedInTime],
    ['意见 opinions recorded', r.opinions.recorded],
    ['按时回复 replied in time', r.opinions.repliedInTime],
    ['转介卡 referral cards', r.cards.referral],
    ['关怀卡 care cards', r.cards.care],
    ['设备故障 device faults', r.faults.reported],
    ['已修复 repaired', r.faults.repaired],
    ['平均修复(分) avg repair (min)', r.faults.avgRepairMinutes],
    ['值班人员 staff on duty', r.staffOnDuty.join(' ')],
    ...ratingRows(r.ratings),
    ...fraudRows(r.fraud),
    ...accuracyRows(r),
  ];
  return lines(rows);
}

const ACCURACY_HEAD = ['计入 n', '平均误差(分) MAE (min)', '落在区间内% within range', '偏差(分) bias (min)', '误差5分钟内% within 5 min', '无预估 without estimate'];
const accuracyCells = (e: EstimateAccuracy) => [e.n, e.maeMinutes, e.withinRangeShare, e.biasMinutes, e.within5MinShare, e.withoutEstimate];

/** Estimate accuracy (issue 17): one row per service, then the day's. */
function accuracyRows(r: DailyRecordsReport): (string | number | null)[][] {
  return [
    [],
    ['预估准确度 estimate accuracy', ...ACCURACY_HEAD],
    ...r.services.map((s) => [s.service, ...accuracyCells(s.estimates)]),
    ['合计 total', ...accuracyCells(r.estimates)],
  ];
}

const elderlyRows = (e: ElderlyFigures): (string | number | null)[][] => [
  ['老年客户取号 older customers\' tickets', e.tickets],
  ['老年客户办结 older customers served', e.served],
  ['老年客户平均等候(分) older customers\' avg wait (min)', e.avgWaitMinutes],
];

/** The ratings section: one row per teller and per service (staff ID blank: nobody was signed in). */
function ratingRows(r: RatingsSection): (string | number | null)[][] {
  const head = ['评价次数 ratings', '平均分 avg score', '满意占比% share satisfied'];
  return [
    [],
    ['柜员 teller', ...head],
    ...r.byStaff.map((s) => [s.staffId, s.ratings, s.avgRating, s.satisfiedShare]),
    ['业务 service', ...head],
    ...r.byService.map((s) => [s.service, s.ratings, s.avgRating, s.satisfiedShare]),
    ['合计 total', r.total.ratings, r.total.avgRating, r.total.satisfiedShare],
  ];
}

function fraudRows(f: FraudFigures): (string | number | null)[][] {
  return [
    [],
    ['反诈劝阻 fraud interventions', f.interventions],
    ['已签核 signed', f.signed],
    ['劝阻成功 dissuaded', f.dissuaded],
    ['坚持办理 proceeded', f.proceeded],
    ['报警 police called', f.policeCalled],
  ];
}

export function monthlyCsv(m: MonthlyReport): string {
  return lines([
    // The estimate accuracy's columns come last, so a sheet that reads the earlier ones by position still does.
    ['日期 date', '取号 issued', '办结 served', '过号 no-show', '平均等候(分) avg wait', '最长等候(分) max wait', '超目标 over target', '贵宾 VIP', '分流自助 self-service', '投诉 complaints', '限时办结 in time', '意见 opinions', '按时回复 replied in time', '转介卡 referral', '故障 faults', ...ACCURACY_HEAD.map((h) => `预估 estimate: ${h}`)],
    ...m.days.map((d) => [d.date, d.totals.issued, d.totals.served, d.totals.noShow, d.totals.avgWaitMinutes, d.totals.maxWaitMinutes, d.totals.overTarget, d.totals.vipVisits, d.totals.selfServiceTriage, d.complaints.opened, d.complaints.closedInTime, d.opinions.recorded, d.opinions.repliedInTime, d.cards.referral, d.faults.reported, ...accuracyCells(d.estimates)]),
    [],
    ['意见主题 opinion theme', '条数 count', '已回复 replied'],
    ...m.opinionThemes.map((t) => [t.theme, t.count, t.replied]),
    [],
    ['项目 figure', '数值 value'],
    ...elderlyRows(m.elderly),
    ...ratingRows(m.ratings),
    ...fraudRows(m.fraud),
    [],
    ['预估准确度 estimate accuracy', ...ACCURACY_HEAD],
    [m.month, ...accuracyCells(m.estimates)],
  ]);
}

/** Teller figures of a day or a month (`period` is its date or month), one row per teller. */
export function staffCsv(period: string, rows: readonly StaffFigures[]): string {
  return lines([
    ['期间 period', '柜员 staff', '窗口 counters', '办结 served', '平均办理(分) avg service (min)', '平均走到窗口(分) avg walk (min)', '暂停(分) paused (min)', '午休(分) lunch (min)', '加钞(分) cash replenishment (min)', '会议(分) meeting (min)', '其他暂停(分) other pause (min)', '有客等候时空闲(分) idle while customers waited (min)', '重呼 recalls', '过号 no-shows', '评价数 ratings', '平均评价 avg rating'],
    ...rows.map((r) => [period, r.staffId, r.counters.join(' '), r.served, r.avgServiceMinutes, r.walkMinutes, r.pauseMinutes, r.pauseByReason.lunch, r.pauseByReason.cash_replenishment, r.pauseByReason.meeting, r.pauseByReason.other, r.idleWhileWaitingMinutes, r.recalls, r.noShows, r.ratings, r.avgRating]),
  ]);
}
