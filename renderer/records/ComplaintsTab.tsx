// Complaints: the guided form, then the list with owner, time limit, escalation, the
// resolution and the supervisor's signed closure.
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { ComplaintForm } from './ComplaintForm';
import { recordsApi, timeOf } from './records-api';
import { SignButton } from './SignButton';
import { useLoader } from './use-loader';

const COLORS: Record<string, string> = { open: 'blue', escalated: 'red', resolved: 'gold', closed: 'green' };

export function ComplaintsTab({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  const { data, error, run, attempt } = useLoader(() => api.complaints(), []);
  const [resolutions, setResolutions] = useState<Record<string, string>>({});
  const manager = role === 'manager';

  return (
    <div className="records-tab" data-testid="complaints-tab">
      {manager ? (
        <Card size="small" title={t('records.complaints.new')}>
          <ComplaintForm onSubmit={(v) => run(() => api.openComplaint(v))} />
        </Card>
      ) : null}
      <ErrorLine message={error} />
      <Table<Complaint>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={data?.complaints ?? []}
        locale={{ emptyText: t('records.complaints.none') }}
        columns={[
          { title: t('records.time'), width: 120, render: (_, c) => timeOf(c.openedAt, i18n.language) },
          { title: t('records.complaints.owner'), dataIndex: 'owner', width: 90 },
          { title: t('records.complaints.summary'), render: (_, c) => <>{c.summary} <Tag>{t(`records.complaints.emotion.${c.emotion}`)}</Tag>{c.ourFault ? <Tag color="volcano">{t('records.complaints.ourFaultTag')}</Tag> : null}</> },
          { title: t('records.complaints.due'), width: 120, render: (_, c) => timeOf(c.dueAt, i18n.language) },
          {
            title: t('records.complaints.resolution'),
            render: (_, c) =>
              c.resolution ? (
                <span>
                  {c.resolution} <span className="hint">{timeOf(c.resolvedAt, i18n.language)}</span>
                  {c.resolvedAt !== null && c.resolvedAt <= c.dueAt ? <Tag color="green">{t('records.complaints.inTime')}</Tag> : <Tag color="red">{t('records.complaints.late')}</Tag>}
                </span>
              ) : manager ? (
                <Space.Compact>
                  <Input size="small" data-testid="complaint-resolution" value={resolutions[c.id] ?? ''} onChange={(e) => setResolutions((r) => ({ ...r, [c.id]: e.target.value }))} />
                  <Button size="small" data-testid="complaint-resolve" onClick={() => run(() => api.resolveComplaint(c.id, resolutions[c.id] ?? ''))}>{t('records.complaints.resolve')}</Button>
                </Space.Compact>
              ) : null,
          },
          {
            title: t('records.status'),
            width: 150,
            render: (_, c) =>
              role === 'supervisor' && c.status === 'resolved' ? (
                <SignButton what={c.summary} onSign={(pin) => attempt(() => api.signComplaint(c.id, pin))} testId="sign-complaint" />
              ) : (
                <Tag color={COLORS[c.status]}>{c.status === 'closed' ? t('records.signedBy', { who: c.signedBy }) : t(`records.complaints.status.${c.status}`)}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
