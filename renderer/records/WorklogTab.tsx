// The lobby manager's work log: timed entries (questions with a follow-up date, customer
// needs, incidents, staff on duty, notes); completed at close with the day's figures.
import { Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKLOG_KINDS, type WorklogEntry, type WorklogKind } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { recordsApi, timeOf } from './records-api';
import { useLoader } from './use-loader';

export function WorklogTab({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  const { data, error, run } = useLoader(() => api.worklog(), []);
  const [form] = Form.useForm<{ kind: WorklogKind; text: string; followUpDue?: Dayjs }>();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const kind = Form.useWatch('kind', form);
  const manager = role === 'manager';
  const rows = [...(data?.pending ?? []), ...(data?.entries ?? [])];

  return (
    <div className="records-tab" data-testid="worklog-tab">
      {manager && !data?.day ? (
        <Form form={form} layout="inline" initialValues={{ kind: 'note' }} onFinish={(v) => run(async () => {
          await api.addEntry({ kind: v.kind, text: v.text, followUpDue: v.followUpDue ? v.followUpDue.format('YYYY-MM-DD') : null });
          form.resetFields(['text', 'followUpDue']);
        })}>
          <Form.Item name="kind"><Select style={{ width: 150 }} options={WORKLOG_KINDS.map((k) => ({ value: k, label: t(`records.worklog.kind.${k}`) }))} /></Form.Item>
          <Form.Item name="text" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 360 }} placeholder={t('records.worklog.text')} data-testid="worklog-text" /></Form.Item>
          {kind === 'question' ? <Form.Item name="followUpDue" rules={[{ required: true, message: t('records.worklog.dueNeeded') }]}><DatePicker placeholder={t('records.worklog.due')} /></Form.Item> : null}
          <Form.Item><Button htmlType="submit" type="primary" data-testid="worklog-add">{t('records.add')}</Button></Form.Item>
        </Form>
      ) : null}
      <ErrorLine message={error} />
      <Table<WorklogEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('records.worklog.none') }}
        columns={[
          { title: t('records.time'), width: 130, render: (_, e) => timeOf(e.at, i18n.language) },
          { title: t('records.worklog.kindTitle'), width: 110, render: (_, e) => <Tag>{t(`records.worklog.kind.${e.kind}`)}</Tag> },
          { title: t('records.worklog.text'), dataIndex: 'text' },
          { title: t('records.worklog.due'), width: 110, render: (_, e) => e.followUpDue ?? '' },
          {
            title: t('records.worklog.answer'),
            render: (_, e) =>
              e.answer ? e.answer : e.kind === 'question' && manager ? (
                <Space.Compact>
                  <Input size="small" value={answers[e.id] ?? ''} onChange={(ev) => setAnswers((a) => ({ ...a, [e.id]: ev.target.value }))} />
                  <Button size="small" onClick={() => run(() => api.answerEntry(e.id, answers[e.id] ?? ''))}>{t('records.worklog.answered')}</Button>
                </Space.Compact>
              ) : null,
          },
        ]}
      />
      {data?.day ? (
        <Card size="small" title={t('records.worklog.dayDone')} data-testid="worklog-day">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('records.worklog.staff')}>{data.day.staffOnDuty.join('、')}</Descriptions.Item>
            {Object.entries(data.day.figures).map(([k, v]) => (
              <Descriptions.Item key={k} label={t(`records.figure.${k}`)}>{v}</Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ) : manager ? (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => run(() => api.completeDay())} data-testid="complete-day">{t('records.worklog.completeDay')}</Button>
      ) : null}
    </div>
  );
}
