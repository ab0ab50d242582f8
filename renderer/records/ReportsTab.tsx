// The daily and monthly reports: the figures of DOMAIN.md, ECharts charts (arrivals and waits
// by hour, per service; the month trended by day, the opinions by theme), printed to PDF
// through the browser's print (Chromium's PDF), and CSV export; in both, the teller figures
// (TellerFigures.tsx) and the wait estimates' accuracy (AccuracyFigures.tsx).
import { Button, Card, Col, DatePicker, Descriptions, Radio, Row, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DailyRecordsReport, MonthlyReport } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { EChart, type ChartOption } from './EChart';
import { localToday, recordsApi } from './records-api';
import { TellerFigures } from './TellerFigures';
import { RatingsTable } from './RatingsTable';
import { AccuracyFigures } from './AccuracyFigures';
import { useLoader } from './use-loader';

export function ReportsTab({ initialDate }: { initialDate?: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'daily' | 'monthly'>('daily');
  const [date, setDate] = useState(initialDate ?? localToday());
  const month = date.slice(0, 7);
  const api = recordsApi();
  const [csvError, setCsvError] = useState<string | null>(null);

  async function csv() {
    setCsvError(null);
    try {
      if (mode === 'daily') await api.downloadCsv(api.dailyCsvPath(date), `atrium-daily-${date}.csv`);
      else await api.downloadCsv(api.monthlyCsvPath(month), `atrium-monthly-${month}.csv`);
    } catch (e) {
      setCsvError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="records-tab reports" data-testid="reports-tab">
      <Space className="no-print" wrap>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" buttonStyle="solid">
          <Radio.Button value="daily" data-testid="report-daily">{t('records.reports.daily')}</Radio.Button>
          <Radio.Button value="monthly" data-testid="report-monthly">{t('records.reports.monthly')}</Radio.Button>
        </Radio.Group>
        <DatePicker picker={mode === 'daily' ? 'date' : 'month'} value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
        <Button onClick={() => window.print()} data-testid="print">{t('records.reports.print')}</Button>
        <Button onClick={csv} data-testid="csv">{t('records.reports.csv')}</Button>
      </Space>
      <ErrorLine message={csvError} />
      {mode === 'daily' ? <Daily date={date} /> : <Monthly month={month} />}
    </div>
  );
}

function Daily({ date }: { date: string }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  const { data: r, error } = useLoader(() => api.daily(date), [date]);
  const hourly = useMemo<ChartOption | null>(
    () =>
      r && {
        title: { text: t('records.reports.byHour'), left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 40, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: r.byHour.map((h) => `${h.hour}:00`) },
        yAxis: [{ type: 'value', name: t('records.reports.arrivals'), minInterval: 1 }, { type: 'value', name: t('records.reports.minutes') }],
        series: [
          { type: 'bar', name: t('records.reports.arrivals'), data: r.byHour.map((h) => h.arrivals), itemStyle: { color: '#0b4f8a' } },
          { type: 'line', name: t('records.reports.avgWait'), yAxisIndex: 1, data: r.byHour.map((h) => h.avgWaitMinutes), itemStyle: { color: '#c8102e' } },
        ],
      },
    [r, t],
  );
  const perService = useMemo<ChartOption | null>(
    () =>
      r && {
        title: { text: t('records.reports.byService'), left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 20, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: r.services.map((s) => t(`records.service.${s.service}`, { defaultValue: s.service })) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: t('records.reports.issued'), data: r.services.map((s) => s.issued), itemStyle: { color: '#0b4f8a' } },
          { type: 'bar', name: t('records.reports.served'), data: r.services.map((s) => s.served), itemStyle: { color: '#1a7f37' } },
          { type: 'bar', name: t('records.reports.avgWait'), data: r.services.map((s) => s.avgWaitMinutes), itemStyle: { color: '#b26a00' } },
        ],
      },
    [r, t],
  );
  if (error) return <ErrorLine message={error} />;
  if (!r) return null;
  return (
    <div className="report-page" data-testid="daily-report" data-date={r.date}>
      <h2 className="report-title">{t('records.reports.dailyTitle', { date: r.date })}</h2>
      <Row gutter={[12, 12]} className="figures">
        {(['issued', 'served', 'noShow', 'avgWaitMinutes', 'maxWaitMinutes', 'overTarget', 'vipVisits', 'selfServiceTriage'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small" data-testid={`figure-${k}`} data-value={r.totals[k]}><Statistic title={t(`records.figure.${k}`)} value={r.totals[k]} /></Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12} className="charts">
        <Col xs={24} md={12}>{hourly ? <EChart option={hourly} testId="chart-hourly" /> : null}</Col>
        <Col xs={24} md={12}>{perService ? <EChart option={perService} testId="chart-services" /> : null}</Col>
      </Row>
      <Table
        rowKey="service"
        size="small"
        pagination={false}
        dataSource={r.services}
        data-testid="service-table"
        columns={[
          { title: t('records.reports.service'), render: (_, s) => t(`records.service.${s.service}`, { defaultValue: s.service }) },
          ...(['issued', 'served', 'noShow', 'unserved', 'avgWaitMinutes', 'maxWaitMinutes', 'overTarget'] as const).map((k) => ({ title: t(`records.figure.${k}`), dataIndex: k, className: 'num' })),
          { title: t('records.figure.overTargetShare'), render: (_: unknown, s: DailyRecordsReport['services'][number]) => `${s.overTargetShare}%`, className: 'num' },
        ]}
      />
      <AccuracyFigures estimates={r.estimates} services={r.services} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="report-records" data-testid="report-records">
        <Descriptions.Item label={t('records.figure.complaints')}>{t('records.reports.complaintsLine', r.complaints)}</Descriptions.Item>
        <Descriptions.Item label={t('records.figure.opinions')}>{t('records.reports.opinionsLine', r.opinions)}</Descriptions.Item>
        <Descriptions.Item label={t('records.figure.cards')}>{t('records.reports.cardsLine', r.cards)}</Descriptions.Item>
        <Descriptions.Item label={t('records.figure.deviceFaults')}>{t('records.reports.faultsLine', r.faults)}</Descriptions.Item>
        <Descriptions.Item label={t('records.figure.kioskHelp')}>{r.totals.kioskHelp}</Descriptions.Item>
        <Descriptions.Item label={t('records.figure.greenChannel')}>{r.totals.greenChannel}</Descriptions.Item>
        <Descriptions.Item label={t('records.reports.checklists')} span={2}>
          {r.checklists.length === 0 ? '—' : r.checklists.map((c, i) => <Tag key={i} color={c.signed ? 'green' : 'default'}>{`${t(`records.checklists.kind.${c.kind}`)} ${c.signed ? t('records.signedBy', { who: c.signedBy }) : t('records.checklists.status.draft')}`}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('records.worklog.staff')}>{r.staffOnDuty.join(i18n.language === 'en' ? ', ' : '、')}</Descriptions.Item>
      </Descriptions>
      <TellerFigures staff={r.staff} period={r.date} />
      <RatingsTable ratings={r.ratings} />
    </div>
  );
}

function Monthly({ month }: { month: string }) {
  const { t } = useTranslation();
  const api = recordsApi();
  const { data: m, error } = useLoader(() => api.monthly(month), [month]);
  const trend = useMemo<ChartOption | null>(
    () =>
      m && {
        title: { text: t('records.reports.trend'), left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 40, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: m.days.map((d) => d.date.slice(5)) },
        yAxis: [{ type: 'value', name: t('records.reports.issued'), minInterval: 1 }, { type: 'value', name: t('records.reports.minutes') }],
        series: [
          { type: 'bar', name: t('records.reports.issued'), data: m.days.map((d) => d.totals.issued), itemStyle: { color: '#0b4f8a' } },
          { type: 'line', name: t('records.reports.avgWait'), yAxisIndex: 1, data: m.days.map((d) => d.totals.avgWaitMinutes), itemStyle: { color: '#c8102e' } },
          { type: 'line', name: t('records.figure.maxWaitMinutes'), yAxisIndex: 1, data: m.days.map((d) => d.totals.maxWaitMinutes), itemStyle: { color: '#b26a00' } },
          // A day with no estimate to judge has no point, not a zero.
          { type: 'line', name: t('accuracy.trendMae'), yAxisIndex: 1, data: m.days.map((d) => (d.estimates.n ? d.estimates.maeMinutes : null)), itemStyle: { color: '#6b3fa0' }, lineStyle: { type: 'dashed' } },
        ],
      },
    [m, t],
  );
  const themes = useMemo<ChartOption | null>(
    () =>
      m && {
        title: { text: t('records.reports.opinionThemes'), left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: m.opinionThemes.map((o) => ({ name: t(`records.opinions.theme.${o.theme}`), value: o.count })) }],
      },
    [m, t],
  );
  if (error) return <ErrorLine message={error} />;
  if (!m) return null;
  return (
    <div className="report-page" data-testid="monthly-report">
      <h2 className="report-title">{t('records.reports.monthlyTitle', { month: m.month })}</h2>
      <Row gutter={[12, 12]} className="figures">
        {(['issued', 'served', 'noShow', 'avgWaitMinutes', 'maxWaitMinutes', 'vipVisits', 'selfServiceTriage', 'overTarget'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small"><Statistic title={t(`records.figure.${k}`)} value={m.totals[k]} /></Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12} className="charts">
        <Col xs={24} md={14}>{trend ? <EChart option={trend} testId="chart-trend" /> : null}</Col>
        <Col xs={24} md={10}>{themes ? <EChart option={themes} testId="chart-themes" /> : null}</Col>
      </Row>
      <Table
        rowKey="date"
        size="small"
        pagination={false}
        dataSource={m.days}
        columns={[
          { title: t('records.date'), dataIndex: 'date' },
          ...(['issued', 'served', 'noShow', 'avgWaitMinutes', 'maxWaitMinutes'] as const).map((k) => ({ title: t(`records.figure.${k}`), className: 'num', render: (_: unknown, d: MonthlyReport['days'][number]) => d.totals[k] })),
          { title: t('records.figure.complaints'), className: 'num', render: (_: unknown, d: MonthlyReport['days'][number]) => `${d.complaints.closedInTime}/${d.complaints.opened}` },
          { title: t('records.figure.opinions'), className: 'num', render: (_: unknown, d: MonthlyReport['days'][number]) => `${d.opinions.repliedInTime}/${d.opinions.recorded}` },
          { title: t('records.figure.deviceFaults'), className: 'num', render: (_: unknown, d: MonthlyReport['days'][number]) => d.faults.reported },
          { title: t('accuracy.trendMae'), className: 'num', render: (_: unknown, d: MonthlyReport['days'][number]) => (d.estimates.n ? t('accuracy.minutes', { value: d.estimates.maeMinutes }) : '—') },
          { title: t('accuracy.trendWithin'), className: 'num', render: (_: unknown, d: MonthlyReport['days'][number]) => (d.estimates.n ? `${d.estimates.withinRangeShare}%` : '—') },
        ]}
      />
      <AccuracyFigures estimates={m.estimates} title={t('accuracy.monthTitle')} />
      <TellerFigures staff={m.staff} period={m.month} />
      <h3>{t('records.reports.opinionSummary')}</h3>
      <Table
        rowKey="theme"
        size="small"
        pagination={false}
        dataSource={m.opinionThemes}
        columns={[
          { title: t('records.opinions.themeTitle'), render: (_, o) => t(`records.opinions.theme.${o.theme}`) },
          { title: t('records.reports.count'), dataIndex: 'count', className: 'num' },
          { title: t('records.reports.replied'), dataIndex: 'replied', className: 'num' },
        ]}
      />
      <RatingsTable ratings={m.ratings} />
    </div>
  );
}
