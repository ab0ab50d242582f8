// Referral cards (转介卡) and care cards (客户关怀卡): created, assigned to a wealth manager,
// followed up by the due date (15 days by default), until closed.
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardKind, CareCard } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { localToday, recordsApi } from './records-api';
import { useLoader } from './use-loader';

export function CardsTab({ role }: { role: string }) {
  const { t } = useTranslation();
  const api = recordsApi();
  const { data, error, run } = useLoader(() => api.cards(), []);
  const [form] = Form.useForm<{ kind: CardKind; title: string; need: string; assignedTo: string }>();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const manager = role === 'manager';
  const today = localToday();

  return (
    <div className="records-tab" data-testid="cards-tab">
      {manager ? (
        <Form form={form} layout="inline" initialValues={{ kind: 'referral' }} onFinish={(v) => run(async () => {
          await api.addCard(v);
          form.resetFields(['title', 'need']);
        })}>
          <Form.Item name="kind"><Select style={{ width: 160 }} options={['referral', 'care'].map((k) => ({ value: k, label: t(`records.cards.kind.${k}`) }))} /></Form.Item>
          <Form.Item name="title" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 170 }} placeholder={t('records.notebook.title')} /></Form.Item>
          <Form.Item name="need" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 300 }} placeholder={t('records.cards.need')} /></Form.Item>
          <Form.Item name="assignedTo" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 160 }} placeholder={t('records.cards.assignedTo')} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">{t('records.add')}</Button></Form.Item>
        </Form>
      ) : null}
      <ErrorLine message={error} />
      <Table<CareCard>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={data?.cards ?? []}
        locale={{ emptyText: t('records.cards.none') }}
        columns={[
          { title: t('records.date'), dataIndex: 'date', width: 105 },
          { title: t('records.cards.kindTitle'), width: 100, render: (_, c) => t(`records.cards.kind.${c.kind}`) },
          { title: t('records.notebook.titleColumn'), dataIndex: 'title', width: 90 },
          { title: t('records.cards.need'), dataIndex: 'need' },
          { title: t('records.cards.assignedTo'), dataIndex: 'assignedTo', width: 120 },
          { title: t('records.cards.due'), width: 110, render: (_, c) => <Tag color={c.status !== 'closed' && c.dueDate <= today ? 'red' : 'default'}>{c.dueDate}</Tag> },
          { title: t('records.cards.followUps'), render: (_, c) => c.followUps.map((f) => f.note).join('；') + (c.outcome ? ` → ${c.outcome}` : '') },
          { title: t('records.status'), width: 90, render: (_, c) => <Tag color={c.status === 'closed' ? 'green' : 'blue'}>{t(`records.cards.status.${c.status}`)}</Tag> },
          {
            title: '',
            render: (_, c) =>
              manager && c.status !== 'closed' ? (
                <Space.Compact>
                  <Input size="small" value={notes[c.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [c.id]: e.target.value }))} />
                  <Button size="small" onClick={() => run(() => api.followUp(c.id, notes[c.id] ?? ''))}>{t('records.cards.followUp')}</Button>
                  <Button size="small" onClick={() => run(() => api.closeCard(c.id, notes[c.id] ?? ''))}>{t('records.cards.close')}</Button>
                </Space.Compact>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
