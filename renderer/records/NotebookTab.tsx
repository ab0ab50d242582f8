// The special-customer notebook: a note and tags per customer, found by card or phone (the
// number is hashed by the hub and never kept), with a form of address; export and import
// as a file to share with the organisation's other branches.
import { Button, Card, Form, Input, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTEBOOK_TAGS, NotebookFileBody, type NotebookEntry } from '../../main/common/records';
import { ApiError } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { recordsApi, saveBlob, timeOf } from './records-api';
import { useLoader } from './use-loader';

export function NotebookTab({ role }: { role: string }) {
  const { t, i18n } = useTranslation();
  const api = recordsApi();
  const { data, error, setError, run } = useLoader(() => api.notebook(), []);
  const [form] = Form.useForm<{ kind: 'card' | 'phone'; number: string; title: string; notes: string; tags: string[] }>();
  const [message, setMessage] = useState<string | null>(null);
  const manager = role === 'manager';
  const tagLabel = (tag: string) => (NOTEBOOK_TAGS.includes(tag as never) ? t(`records.notebook.tag.${tag}`) : tag);

  async function lookUp() {
    const { kind, number } = form.getFieldsValue();
    if (!number) return;
    await run(async () => {
      const { entry } = await api.lookupNote(kind, number);
      if (entry) form.setFieldsValue({ title: entry.title, notes: entry.notes, tags: entry.tags });
      setMessage(entry ? t('records.notebook.found', { title: entry.title }) : t('records.notebook.notFound'));
    });
  }

  return (
    <div className="records-tab" data-testid="notebook-tab">
      {manager ? (
        <Card size="small" title={t('records.notebook.edit')}>
          <Form form={form} layout="inline" initialValues={{ kind: 'card', tags: [], notes: '' }} onFinish={(v) => run(async () => {
            await api.saveNote(v);
            setMessage(t('records.notebook.saved', { title: v.title }));
            form.resetFields();
          })}>
            <Form.Item name="kind"><Select style={{ width: 100 }} options={['card', 'phone'].map((k) => ({ value: k, label: t(`records.notebook.kind.${k}`) }))} /></Form.Item>
            <Form.Item name="number" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 200 }} placeholder={t('records.notebook.number')} onBlur={lookUp} /></Form.Item>
            <Form.Item name="title" rules={[{ required: true, message: t('records.required') }]}><Input style={{ width: 170 }} placeholder={t('records.notebook.title')} /></Form.Item>
            <Form.Item name="tags"><Select mode="tags" style={{ width: 260 }} placeholder={t('records.notebook.tags')} options={NOTEBOOK_TAGS.map((k) => ({ value: k, label: tagLabel(k) }))} /></Form.Item>
            <Form.Item name="notes"><Input style={{ width: 280 }} placeholder={t('records.notebook.notes')} /></Form.Item>
            <Form.Item><Button type="primary" htmlType="submit">{t('records.save')}</Button></Form.Item>
          </Form>
          <p className="hint">{t('records.notebook.privacy')}</p>
        </Card>
      ) : null}
      <Space className="card-actions">
        {manager ? (
          <>
            <Button onClick={() => run(async () => saveBlob(new Blob([JSON.stringify(await api.exportNotebook(), null, 2)], { type: 'application/json' }), 'atrium-notebook.json'))}>{t('records.notebook.export')}</Button>
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => {
              void file.text().then((text) => {
                let parsed: unknown;
                try {
                  parsed = JSON.parse(text);
                } catch {
                  setError(t('records.notebook.badFile'));
                  return;
                }
                // The hub's own schema: a file it would refuse gets the hub's words without the trip.
                const file = NotebookFileBody.safeParse(parsed);
                void run(async () => {
                  if (!file.success) throw new ApiError(400, 'invalid_notebook_file', 'This is not an Atrium notebook file.');
                  setMessage(t('records.notebook.imported', { count: (await api.importNotebook(file.data)).imported }));
                });
              });
              return false;
            }}>
              <Button>{t('records.notebook.import')}</Button>
            </Upload>
          </>
        ) : null}
      </Space>
      {message ? <p className="ok-line">{message}</p> : null}
      <ErrorLine message={error} />
      <Table<NotebookEntry>
        rowKey="customerKey"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={data?.entries ?? []}
        locale={{ emptyText: t('records.notebook.none') }}
        columns={[
          { title: t('records.notebook.titleColumn'), dataIndex: 'title', width: 100 },
          { title: t('records.notebook.tags'), render: (_, e) => e.tags.map((tag) => <Tag key={tag}>{tagLabel(tag)}</Tag>) },
          { title: t('records.notebook.notes'), dataIndex: 'notes' },
          { title: t('records.notebook.updated'), width: 170, render: (_, e) => `${e.updatedBy ?? ''} ${timeOf(e.updatedAt, i18n.language)}` },
        ]}
      />
    </div>
  );
}
