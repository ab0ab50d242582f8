// The branch's services: a table of them and one form that adds a service or edits the one
// picked (its code then stays, as tickets, counters and kiosk choices name it by code).
import { App, Button, Card, Form, Input, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiService } from '../../../main/common/api';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import type { Polled } from '../use-polled';

type ServiceForm = Omit<ApiService, never>;

export function ServicesAdmin({ services: polled }: { services: Polled<ApiService[]> }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceForm>();
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const services = polled.data ?? [];

  function edit(s: ApiService) {
    setEditing(s.code);
    form.setFieldsValue(s);
  }
  function stopEditing() {
    setEditing(null);
    form.resetFields();
  }

  async function save(v: ServiceForm) {
    setBusy(true);
    const body = { ...v, nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim() };
    const ok = await polled.act(() => hubFor('admin').call(api.defineService, { body }));
    setBusy(false);
    if (ok) {
      void message.success(t('branchAdmin.services.saved', { code: v.code }));
      stopEditing();
    }
  }

  const minutes = [{ required: true, type: 'integer' as const, min: 1, max: 480, message: t('branchAdmin.services.minutes') }];
  const zh = i18n.language.startsWith('zh');
  return (
    <Card title={t('branchAdmin.services.title')} data-testid="services-admin">
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={services}
        locale={{ emptyText: t('branchAdmin.services.empty') }}
        columns={[
          { title: t('branchAdmin.services.prefix'), dataIndex: 'prefix', width: 90 },
          { title: t('branchAdmin.services.code'), dataIndex: 'code' },
          { title: zh ? t('branchAdmin.services.nameZh') : t('branchAdmin.services.nameEn'), render: (_, s) => (zh ? s.nameZh : s.nameEn) },
          { title: t('branchAdmin.services.target'), dataIndex: 'targetWaitMinutes', width: 130 },
          { title: t('branchAdmin.services.max'), dataIndex: 'maxWaitMinutes', width: 130 },
          {
            key: 'edit',
            width: 90,
            render: (_, s) => (
              <Button size="small" onClick={() => edit(s)} data-testid={`edit-service-${s.code}`}>
                {t('branchAdmin.services.edit')}
              </Button>
            ),
          },
        ]}
      />
      <h3 style={{ marginTop: 16 }}>{editing ? t('branchAdmin.services.editing', { code: editing }) : t('branchAdmin.services.add')}</h3>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="service-form" className="branch-form">
        <Space wrap align="start">
          <Form.Item name="code" label={t('branchAdmin.services.code')} tooltip={t('branchAdmin.services.codeHint')} rules={[{ required: true, pattern: /^[a-z0-9_]{1,32}$/, message: t('branchAdmin.services.badCode') }]}>
            <Input disabled={editing !== null} style={{ width: 130 }} data-testid="service-code" />
          </Form.Item>
          <Form.Item name="prefix" label={t('branchAdmin.services.prefix')} tooltip={t('branchAdmin.services.prefixHint')} normalize={(v: string) => v.toUpperCase()} rules={[{ required: true, pattern: /^[A-Z]$/, message: t('branchAdmin.services.badPrefix') }]}>
            <Input maxLength={1} style={{ width: 70 }} data-testid="service-prefix" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('branchAdmin.services.nameZh')} rules={[{ required: true, whitespace: true, message: t('branchAdmin.services.needName') }]}>
            <Input maxLength={16} style={{ width: 150 }} data-testid="service-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('branchAdmin.services.nameEn')} rules={[{ required: true, whitespace: true, message: t('branchAdmin.services.needName') }]}>
            <Input maxLength={32} style={{ width: 170 }} data-testid="service-name-en" />
          </Form.Item>
          <Form.Item name="targetWaitMinutes" label={t('branchAdmin.services.target')} rules={minutes}>
            <InputNumber precision={0} style={{ width: 110 }} data-testid="service-target" />
          </Form.Item>
          <Form.Item
            name="maxWaitMinutes"
            label={t('branchAdmin.services.max')}
            dependencies={['targetWaitMinutes']}
            rules={[
              ...minutes,
              ({ getFieldValue }) => ({
                validator: (_, value: number) => (typeof value !== 'number' || value >= (getFieldValue('targetWaitMinutes') as number) ? Promise.resolve() : Promise.reject(new Error(t('branchAdmin.services.targetOverMax')))),
              }),
            ]}
          >
            <InputNumber precision={0} style={{ width: 110 }} data-testid="service-max" />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="save-service">
            {t('branchAdmin.save')}
          </Button>
          {editing ? <Button onClick={stopEditing}>{t('branchAdmin.services.cancel')}</Button> : null}
        </Space>
      </Form>
      <ErrorLine message={polled.error} />
    </Card>
  );
}
