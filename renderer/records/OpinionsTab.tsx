// The opinion book and box: an entry with an optional phone (reply due the same day), the
// reply with its time and who replied, the supervisor's signature. The phone shows here
// only: this page is for the manager and supervisor.
import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_THEMES, type OpinionTheme } from '../../main/common/records';
import { ErrorLine } from '../ui/ErrorLine';
import { localToday, recordsApi, timeOf, type OpinionView } from './records-api';
import { SignButton } from './SignButton';
import { useLoader } from './use-loader';

export function OpinionsTab({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  const { data, error, run, attempt } = useLoader(() => api.opinions(), []);
  const [form] = Form.useForm<{ theme: OpinionTheme; text: string; phone?: string; source: 'book' | 'box' }>();
  const [replies, setReplies] = useState<Record<string, string>>({});
  const manager = role === 'manager';
  const today = localToday();

  return (
    <div className="records-tab" data-testid="opinions-tab">
      {manager ? (
        <Form form={form} layout="inline" initialValues={{ theme: 'waiting', source: 'book' }} onFinish={(v) => run(async () => {
          await api.addOpinion({ ...v, phone: v.phone?.trim() || undefined });
          form.resetFields(['text', 'phone']);
        })}>
          <Form.Item name="source"><Select style={{ width: 110 }} options={['book', 'box'].map((s) => ({ value: s, label: t(`records.opinions.source.${s}`) }))} /></Form.Item>
          <Form.Item name="theme"><Select style={{ width: 130 }} options={OPINION_THEMES.map((k) => ({ value: k, label: t(`records.opinions.theme.${k}`) }))} /></Form.Item>
          <Form.Item name="text" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 320 }} placeholder={t('records.opinions.text')} data-testid="opinion-text" /></Form.Item>
          <Form.Item name="phone"><Input style={{ width: 170 }} placeholder={t('records.opinions.phone')} data-testid="opinion-phone" /></Form.Item>
          <Form.Item><Button htmlType="submit" type="primary" data-testid="opinion-add">{t('records.add')}</Button></Form.Item>
        </Form>
      ) : null}
      <ErrorLine message={error} />
      <Table<OpinionView>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={data?.opinions ?? []}
        locale={{ emptyText: t('records.opinions.none') }}
        columns={[
          { title: t('records.date'), dataIndex: 'date', width: 105 },
          { title: t('records.opinions.themeTitle'), width: 90, render: (_, o) => t(`records.opinions.theme.${o.theme}`) },
          { title: t('records.opinions.text'), dataIndex: 'text' },
          { title: t('records.opinions.phone'), width: 130, render: (_, o) => (o.phone ? o.phone : o.hasPhone ? <Tag>{t('records.opinions.purged')}</Tag> : '') },
          {
            title: t('records.opinions.due'),
            width: 115,
            render: (_, o) => <Tag color={o.status === 'open' && o.dueDate <= today ? 'red' : 'default'}>{o.dueDate}</Tag>,
          },
          {
            title: t('records.opinions.reply'),
            render: (_, o) =>
              o.reply ? (
                <span>
                  {o.reply} <span className="hint">{`${o.repliedBy} ${timeOf(o.repliedAt, i18n.language)}`}</span>
                </span>
              ) : manager ? (
                <Space.Compact>
                  <Input size="small" data-testid="opinion-reply" value={replies[o.id] ?? ''} onChange={(e) => setReplies((r) => ({ ...r, [o.id]: e.target.value }))} />
                  <Button size="small" data-testid="opinion-reply-save" onClick={() => run(() => api.reply(o.id, replies[o.id] ?? ''))}>{t('records.opinions.replyButton')}</Button>
                </Space.Compact>
              ) : null,
          },
          {
            title: t('records.status'),
            width: 150,
            render: (_, o) =>
              o.status === 'signed' ? (
                <Tag color="green">{t('records.signedBy', { who: o.signedBy })}</Tag>
              ) : role === 'supervisor' && o.status === 'replied' ? (
                <SignButton what={o.text} onSign={(pin) => attempt(() => api.signOpinion(o.id, pin))} testId="sign-opinion" />
              ) : (
                <Tag>{t(`records.opinions.status.${o.status}`)}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
