// One branch in detail: its lobby now, and today's and this month's figures.
import { Alert, Descriptions, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BranchFigures } from '../../main/common/office/report-routes';
import { checklistText, StatusTag } from './BranchesPanel';
import { localToday, officeApi } from './office-client';
import { reportColumns } from './report-columns';
import { useLoad } from './use-load';

async function loadBranch(token: string, id: string) {
  const today = localToday();
  const [live, day, month] = await Promise.all([officeApi.live(token, id), officeApi.daily(token, today), officeApi.monthly(token, today.slice(0, 7))]);
  const mine = (r: { branches: BranchFigures[] }) => r.branches.filter((b) => b.branchId === id);
  return { live, day: mine(day), month: mine(month) };
}

export function BranchDrawer({ token, branchId, onClose }: { token: string; branchId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad(() => (branchId ? loadBranch(token, branchId) : Promise.resolve(null)), [token, branchId]);
  const shown = data && data.live.branchId === branchId ? data : null;
  const cols = reportColumns(t);
  return (
    <Drawer open={branchId !== null} onClose={onClose} size={Math.min(1040, window.innerWidth - 40)} title={shown ? `${t('office.drill.title')}: ${shown.live.name}` : t('office.drill.title')} data-testid="office-branch-drawer">
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {shown ? (
        <>
          <Descriptions title={t('office.drill.live')} column={2} size="small" bordered>
            <Descriptions.Item label={t('office.col.status')}><StatusTag status={shown.live.status} /></Descriptions.Item>
            <Descriptions.Item label={t('office.col.lastSeen')}>{shown.live.lastSeenAt ? new Date(shown.live.lastSeenAt).toLocaleString(i18n.language) : t('office.never')}</Descriptions.Item>
            <Descriptions.Item label={t('office.col.waiting')}><span data-testid="drill-waiting">{shown.live.waiting}</span></Descriptions.Item>
            <Descriptions.Item label={t('office.col.longest')}>{shown.live.longestWaitMinutes ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('office.col.counters')}>{shown.live.countersOpen}</Descriptions.Item>
            <Descriptions.Item label={t('office.col.alerts')}>{shown.live.openAlerts}</Descriptions.Item>
            <Descriptions.Item label={t('office.col.checklist')}>{checklistText(t, shown.live)}</Descriptions.Item>
          </Descriptions>
          <h3 style={{ marginTop: 20 }}>{t('office.drill.today')}</h3>
          <Table<BranchFigures> rowKey="branchId" size="small" pagination={false} dataSource={shown.day} columns={cols} scroll={{ x: true }} />
          <h3 style={{ marginTop: 20 }}>{t('office.drill.month')}</h3>
          <Table<BranchFigures> rowKey="branchId" size="small" pagination={false} dataSource={shown.month} columns={cols} scroll={{ x: true }} />
        </>
      ) : null}
    </Drawer>
  );
}
