// The cross-branch daily and monthly reports: one row per branch and a bar chart of the
// shares called within 15 and 30 minutes.
import { Alert, Input, Radio, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchFigures } from '../../main/common/office/report-routes';
import { EChart, type ChartOption } from '../records/EChart';
import { localToday, officeApi } from './office-client';
import { reportColumns } from './report-columns';
import { useLoad } from './use-load';

export function ReportsPanel({ token, onOpen }: { token: string; onOpen: (branchId: string) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'daily' | 'monthly'>('daily');
  const [date, setDate] = useState(localToday());
  const month = date.slice(0, 7);
  const { data, error } = useLoad(() => (mode === 'daily' ? officeApi.daily(token, date) : officeApi.monthly(token, month)), [token, mode, mode === 'daily' ? date : month]);
  const chart = useMemo<ChartOption | null>(
    () =>
      data && data.branches.length > 0
        ? {
            title: { text: t('office.report.chart'), left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 40, right: 16, top: 40, bottom: 40 },
            xAxis: { type: 'category', data: data.branches.map((b) => b.name) },
            yAxis: { type: 'value', max: 100 },
            series: [
              { name: t('office.col.within15'), type: 'bar', data: data.branches.map((b) => b.within15 ?? 0) },
              { name: t('office.col.within30'), type: 'bar', data: data.branches.map((b) => b.within30 ?? 0) },
            ],
          }
        : null,
    [data, t],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="office-reports">
      <Space wrap>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" buttonStyle="solid">
          <Radio.Button value="daily" data-testid="office-report-daily">{t('office.report.daily')}</Radio.Button>
          <Radio.Button value="monthly" data-testid="office-report-monthly">{t('office.report.monthly')}</Radio.Button>
        </Radio.Group>
        {mode === 'daily' ? (
          <Input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="office-report-date" style={{ width: 180 }} />
        ) : (
          <Input type="month" value={month} onChange={(e) => e.target.value && setDate(`${e.target.value}-01`)} data-testid="office-report-month" style={{ width: 180 }} />
        )}
      </Space>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<BranchFigures>
        data-testid="office-report-table"
        rowKey="branchId"
        size="middle"
        pagination={false}
        dataSource={data?.branches ?? []}
        locale={{ emptyText: t('office.report.empty') }}
        onRow={(b) => ({ onClick: () => onOpen(b.branchId), style: { cursor: 'pointer' } })}
        columns={[{ key: 'name', title: t('office.col.name'), render: (_, b) => b.name }, ...reportColumns(t)]}
      />
      {chart ? <EChart option={chart} height={260} testId="office-report-chart" /> : null}
    </Space>
  );
}
