// Teller figures (柜员业绩) in the daily and the monthly report: a table, a bar chart of served
// and average service time per teller, and the CSV the hub cuts for the reader. The rows come
// with the report already loaded (one request); the hub measures every figure
// (main/hub/reports/staff-figures.ts), this only shows them.
import { Button, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAUSE_REASONS } from '../../main/common/domain';
import type { StaffFigures } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { EChart, type ChartOption } from './EChart';
import { recordsApi } from './records-api';

/** @param period the report's date (YYYY-MM-DD) or month (YYYY-MM). */
export function TellerFigures({ staff, period }: { staff: StaffFigures[]; period: string }) {
  const { t } = useTranslation();
  const api = recordsApi();
  const [csvError, setCsvError] = useState<string | null>(null);
  const chart = useMemo<ChartOption | null>(
    () =>
      staff.length === 0
        ? null
        : {
            title: { text: t('records.tellers.chart'), left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 40, right: 40, top: 40, bottom: 50 },
            xAxis: { type: 'category', data: staff.map((s) => s.staffId) },
            yAxis: [{ type: 'value', name: t('records.tellers.served'), minInterval: 1 }, { type: 'value', name: t('records.reports.minutes') }],
            series: [
              { type: 'bar', name: t('records.tellers.served'), data: staff.map((s) => s.served), itemStyle: { color: '#1a7f37' } },
              { type: 'bar', name: t('records.tellers.avgService'), yAxisIndex: 1, data: staff.map((s) => s.avgServiceMinutes), itemStyle: { color: '#0b4f8a' } },
            ],
          },
    [staff, t],
  );

  async function csv() {
    setCsvError(null);
    try {
      await api.downloadCsv(api.staffCsvPath(period), `atrium-staff-${period}.csv`);
    } catch (e) {
      setCsvError(e instanceof Error ? e.message : String(e));
    }
  }

  /** The total, then the reasons that took any time: "75 (午休 60 · 加钞 15)". */
  const pause = (s: StaffFigures) => {
    const parts = PAUSE_REASONS.filter((r) => s.pauseByReason[r] > 0).map((r) => `${t(`records.tellers.pauseReason.${r}`)} ${s.pauseByReason[r]}`);
    return parts.length ? `${s.pauseMinutes} (${parts.join(' · ')})` : String(s.pauseMinutes);
  };

  return (
    <section className="teller-figures" data-testid="teller-figures" data-period={period}>
      <Space className="teller-figures-head" align="baseline" wrap>
        <h3>{t('records.tellers.title')}</h3>
        <Button size="small" className="no-print" onClick={csv} data-testid="teller-csv">{t('records.tellers.csv')}</Button>
      </Space>
      <ErrorLine message={csvError} />
      {chart ? <EChart option={chart} testId="chart-tellers" height={240} /> : null}
      <Table
        rowKey="staffId"
        size="small"
        pagination={false}
        dataSource={staff}
        data-testid="teller-table"
        locale={{ emptyText: t('records.tellers.none') }}
        columns={[
          { title: t('records.tellers.staff'), dataIndex: 'staffId' },
          { title: t('records.tellers.counters'), render: (_: unknown, s: StaffFigures) => s.counters.join(', ') },
          { title: t('records.tellers.served'), dataIndex: 'served', className: 'num' },
          { title: t('records.tellers.avgService'), dataIndex: 'avgServiceMinutes', className: 'num' },
          { title: t('records.tellers.walk'), dataIndex: 'walkMinutes', className: 'num' },
          { title: t('records.tellers.pause'), render: (_: unknown, s: StaffFigures) => pause(s), className: 'num' },
          { title: t('records.tellers.idle'), dataIndex: 'idleWhileWaitingMinutes', className: 'num' },
          { title: t('records.tellers.recalls'), dataIndex: 'recalls', className: 'num' },
          { title: t('records.tellers.noShows'), dataIndex: 'noShows', className: 'num' },
          {
            title: t('records.tellers.rating'),
            render: (_: unknown, s: StaffFigures) => (s.avgRating === null ? t('records.tellers.noRatings') : t('records.tellers.ratingValue', { avg: s.avgRating, count: s.ratings })),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="teller-figures-note">{t('records.tellers.note')}</Typography.Paragraph>
    </section>
  );
}
