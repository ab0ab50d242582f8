// Every branch at a glance: its chain's status (chain_broken in red), its lobby now from its
// shipped events, and when it last shipped; a row opens the branch's drill-down.
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficeBranchView } from '../../main/common/office/routes';
import type { BranchLive } from '../../main/common/office/report-routes';
import { officeApi } from './office-client';
import { useLoad } from './use-load';

export type BranchRow = OfficeBranchView & { live: BranchLive | null };

const STATUS_COLOUR: Record<string, string> = { active: 'green', enrolling: 'default', chain_broken: 'red' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOUR[status] ?? 'default'} data-testid={`status-${status}`}>
      {t(`office.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function checklistText(t: (k: string) => string, live: BranchLive | null): string {
  const c = live?.openingChecklist;
  if (!c) return t('office.checklist.none');
  if (!c.signed) return t('office.checklist.unsigned');
  return c.beforeFirstTicket === false ? t('office.checklist.late') : t('office.checklist.signed');
}

async function loadRows(token: string): Promise<BranchRow[]> {
  const { branches } = await officeApi.branches(token);
  // An enrolling branch has shipped nothing: no live view to ask for.
  return Promise.all(branches.map(async (b) => ({ ...b, live: b.status === 'enrolling' ? null : await officeApi.live(token, b.branchId) })));
}

export function BranchesPanel({ token, onOpen }: { token: string; onOpen: (b: BranchRow) => void }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useLoad(() => loadRows(token), [token]);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('office.never'));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={reload} data-testid="office-refresh">{t('office.refresh')}</Button>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<BranchRow>
        data-testid="office-branches"
        rowKey="branchId"
        size="middle"
        pagination={false}
        dataSource={data ?? []}
        loading={data === null && error === null}
        locale={{ emptyText: t('office.noBranches') }}
        onRow={(b) => ({ onClick: () => onOpen(b), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'name', title: t('office.col.name'), render: (_, b) => <a data-testid={`branch-${b.name}`}>{b.name}</a> },
          { key: 'status', title: t('office.col.status'), render: (_, b) => <StatusTag status={b.status} /> },
          { key: 'waiting', title: t('office.col.waiting'), render: (_, b) => b.live?.waiting ?? b.today.waiting },
          { key: 'longest', title: t('office.col.longest'), render: (_, b) => b.live?.longestWaitMinutes ?? '—' },
          { key: 'counters', title: t('office.col.counters'), render: (_, b) => b.live?.countersOpen ?? '—' },
          { key: 'alerts', title: t('office.col.alerts'), render: (_, b) => (b.live?.openAlerts ? <Tag color="orange">{b.live.openAlerts}</Tag> : (b.live?.openAlerts ?? '—')) },
          { key: 'checklist', title: t('office.col.checklist'), render: (_, b) => checklistText(t, b.live) },
          { key: 'lastSeen', title: t('office.col.lastSeen'), render: (_, b) => when(b.lastSeenAt) },
        ]}
      />
    </Space>
  );
}
