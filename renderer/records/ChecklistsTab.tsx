// Checklists of a day: start one, answer each item (pass, fault, not applicable, with a
// note), complete it; the supervisor signs it with their PIN. A signed checklist shows both
// names and times and its hash, and can only be amended. Device faults below, until repaired.
import { Alert, Button, Card, Descriptions, Input, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Checklist, ChecklistItem, DeviceFault } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { recordsApi, timeOf } from './records-api';
import { SignButton } from './SignButton';
import { useLoader } from './use-loader';

const RESULT_COLORS: Record<string, string> = { pass: 'green', fault: 'red', na: 'default' };

type Answers = Record<string, { result: ChecklistItem['result']; note: string }>;

export function ChecklistsTab({ role }: { role: string }) {
  const { t } = useTranslation();
  const api = recordsApi();
  const { data, error, run, attempt } = useLoader(() => api.checklists(), []);
  const [openId, setOpenId] = useState<string | null>(null);
  const lists = data?.checklists ?? [];
  const open = lists.find((c) => c.id === openId) ?? null;
  const manager = role === 'manager';

  return (
    <div className="records-tab" data-testid="checklists-tab">
      <Space wrap>
        {manager
          ? (['opening', 'patrol', 'closing'] as const).map((kind) => (
              <Button key={kind} data-testid={`start-${kind}`} onClick={() => run(async () => setOpenId((await api.startChecklist(kind)).checklist.id))}>
                {t('records.checklists.start', { kind: t(`records.checklists.kind.${kind}`) })}
              </Button>
            ))
          : null}
      </Space>
      <ErrorLine message={error} />
      <Table<Checklist>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={lists}
        locale={{ emptyText: t('records.checklists.none') }}
        columns={[
          { title: t('records.checklists.kindTitle'), render: (_, c) => <>{t(`records.checklists.kind.${c.kind}`)}{c.amends ? <Tag color="gold">{t('records.checklists.amendment')}</Tag> : null}</> },
          { title: t('records.status'), render: (_, c) => <StatusTag c={c} /> },
          { title: t('records.checklists.completed'), render: (_, c) => (c.completedBy ? `${c.completedBy} ${timeOf(c.completedAt, 'zh-CN')}` : '') },
          { title: t('records.checklists.signed'), render: (_, c) => (c.signedBy ? `${c.signedBy} ${timeOf(c.signedAt, 'zh-CN')}` : '') },
          { title: '', render: (_, c) => <Button size="small" onClick={() => setOpenId(c.id)} data-testid={`open-${c.kind}`}>{t('records.open')}</Button> },
        ]}
      />
      {open ? <ChecklistCard key={open.id + open.status} c={open} role={role} run={run} attempt={attempt} onAmended={setOpenId} /> : null}
      <FaultList faults={data?.faults ?? []} manager={manager} run={run} />
    </div>
  );
}

function StatusTag({ c }: { c: Checklist }) {
  const { t } = useTranslation();
  const color = c.status === 'signed' ? 'green' : c.status === 'completed' ? 'blue' : 'default';
  return <Tag color={color}>{t(`records.checklists.status.${c.status}`)}</Tag>;
}

function ChecklistCard({ c, role, run, attempt, onAmended }: { c: Checklist; role: string; run: (a: () => Promise<unknown>) => Promise<boolean>; attempt: (a: () => Promise<unknown>) => Promise<void>; onAmended: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  const en = i18n.language === 'en';
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(c.items.map((i) => [i.id, { result: i.result, note: i.note }])));
  const [unanswered, setUnanswered] = useState<string[]>([]);
  const editable = role === 'manager' && c.status !== 'signed';
  const set = (id: string, patch: Partial<Answers[string]>) => setAnswers((a) => ({ ...a, [id]: { ...a[id]!, ...patch } }));
  const save = () => api.answer(c.id, c.items.map((i) => ({ itemId: i.id, result: answers[i.id]!.result, note: answers[i.id]!.note })));

  async function complete() {
    const missing = c.items.filter((i) => answers[i.id]!.result === null).map((i) => (en ? i.en : i.zh));
    setUnanswered(missing);
    if (missing.length) return;
    await run(async () => {
      await save();
      await api.complete(c.id);
    });
  }

  return (
    <Card className="checklist-card" data-testid="checklist-card" data-status={c.status} title={`${t(`records.checklists.kind.${c.kind}`)} · ${c.date} · ${t('records.checklists.version', { v: c.templateVersion })}`} extra={<StatusTag c={c} />}>
      {c.status === 'signed' ? (
        <Descriptions size="small" column={2} className="signed-block" data-testid="signed-block">
          <Descriptions.Item label={t('records.checklists.completed')}>{`${c.completedBy} · ${timeOf(c.completedAt, i18n.language)}`}</Descriptions.Item>
          <Descriptions.Item label={t('records.checklists.signed')}>{`${c.signedBy} · ${timeOf(c.signedAt, i18n.language)}`}</Descriptions.Item>
          <Descriptions.Item label={t('records.checklists.hash')} span={2}>
            <code className="hash">{c.contentHash}</code>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <table className="checklist-items">
        <tbody>
          {c.items.map((item, n) => {
            const a = answers[item.id]!;
            return (
              <tr key={item.id} data-testid={`item-${item.id}`} className={unanswered.includes(en ? item.en : item.zh) ? 'missing' : ''}>
                <td className="num">{n + 1}</td>
                <td>{en ? item.en : item.zh}</td>
                {!editable ? (
                  <>
                    <td>{a.result ? <Tag color={RESULT_COLORS[a.result]}>{t(`records.checklists.result.${a.result}`)}</Tag> : '—'}</td>
                    <td>{a.note}</td>
                  </>
                ) : (
                  <>
                <td>
                  <Radio.Group size="small" value={a.result} onChange={(e) => set(item.id, { result: e.target.value })} optionType="button" buttonStyle="solid">
                    <Radio.Button value="pass">{t('records.checklists.result.pass')}</Radio.Button>
                    <Radio.Button value="fault">{t('records.checklists.result.fault')}</Radio.Button>
                    <Radio.Button value="na">{t('records.checklists.result.na')}</Radio.Button>
                  </Radio.Group>
                </td>
                <td>
                  <Input size="small" value={a.note} placeholder={t('records.note')} onChange={(e) => set(item.id, { note: e.target.value })} />
                </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {unanswered.length ? <Alert type="warning" showIcon data-testid="unanswered" message={t('records.checklists.unanswered', { count: unanswered.length, items: unanswered.join(en ? '; ' : '；') })} /> : null}
      <Space className="card-actions">
        {editable ? (
          <>
            <Button onClick={() => run(save)} data-testid="save-answers">{t('records.save')}</Button>
            <Button type="primary" onClick={complete} data-testid="complete">{t('records.checklists.complete')}</Button>
          </>
        ) : null}
        {role === 'supervisor' && c.status === 'completed' ? <SignButton what={t(`records.checklists.kind.${c.kind}`)} onSign={(pin) => attempt(() => api.signChecklist(c.id, pin))} /> : null}
        {role === 'manager' && c.status === 'signed' && !c.amendedBy ? (
          <Button onClick={() => run(async () => onAmended((await api.amend(c.id)).checklist.id))} data-testid="amend">{t('records.checklists.amend')}</Button>
        ) : null}
      </Space>
    </Card>
  );
}

function FaultList({ faults, manager, run }: { faults: DeviceFault[]; manager: boolean; run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  if (faults.length === 0) return null;
  return (
    <Card size="small" title={t('records.faults.title')} data-testid="faults">
      <Table<DeviceFault>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={faults}
        columns={[
          { title: t('records.faults.device'), render: (_, f) => (i18n.language === 'en' ? f.deviceEn : f.deviceZh) },
          { title: t('records.note'), dataIndex: 'note' },
          { title: t('records.faults.reported'), render: (_, f) => timeOf(f.reportedAt, i18n.language) },
          { title: t('records.faults.requested'), render: (_, f) => timeOf(f.repairRequestedAt, i18n.language) },
          { title: t('records.faults.repaired'), render: (_, f) => timeOf(f.repairedAt, i18n.language) },
          { title: t('records.status'), render: (_, f) => <Tag color={f.status === 'repaired' ? 'green' : 'red'}>{t(`records.faults.status.${f.status}`)}</Tag> },
          {
            title: '',
            render: (_, f) =>
              manager && f.status !== 'repaired' ? (
                <Space>
                  {f.status === 'reported' ? <Button size="small" onClick={() => run(() => api.repairRequested(f.id))}>{t('records.faults.request')}</Button> : null}
                  <Button size="small" onClick={() => run(() => api.repaired(f.id, ''))}>{t('records.faults.markRepaired')}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
