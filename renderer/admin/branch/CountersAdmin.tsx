// The branch's counters: number, services in order of preference, and a label such as 爱心窗口.
// The table follows the live lobby, so a saved counter shows at once, open or closed as it was.
import { App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCounter, ApiService } from '../../../main/common/api';
import type { LobbyView } from '../../live/lobby-state';
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';

interface CounterForm {
  counter: string;
  services: string[];
  label?: string;
}

export function CountersAdmin({ lobby, services }: { lobby: LobbyView | null; services: ApiService[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<CounterForm>();
  const [busy, setBusy] = useState(false);
  const zh = i18n.language.startsWith('zh');
  const nameOf = (code: string) => {
    const s = services.find((x) => x.code === code);
    return s ? (zh ? s.nameZh : s.nameEn) : code;
  };

  async function save(v: CounterForm) {
    setBusy(true);
    const label = v.label?.trim() ? v.label.trim() : null;
    setError(null);
    try {
      await hubFor('admin').call(api.defineCounter, { body: { counter: v.counter.trim(), services: v.services, label } });
    } catch (e) {
      setError(errorText(e));
      return;
    } finally {
      setBusy(false);
    }
    void message.success(t('branchAdmin.counters.saved', { id: v.counter.trim() }));
    form.resetFields();
  }

  const edit = (c: ApiCounter) => form.setFieldsValue({ counter: c.id, services: c.services, label: c.label ?? '' });

  return (
    <Card title={t('branchAdmin.counters.title')} data-testid="counters-admin">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lobby?.counters ?? []}
        locale={{ emptyText: t('branchAdmin.counters.empty') }}
        columns={[
          { title: t('branchAdmin.counters.number'), dataIndex: 'id', width: 100 },
          { title: t('branchAdmin.counters.label'), dataIndex: 'label', render: (l: string | null) => l ?? '—' },
          { title: t('branchAdmin.counters.services'), render: (_, c) => c.services.map(nameOf).join(' → ') },
          { title: t('branchAdmin.counters.status'), width: 100, render: (_, c) => t(`branchAdmin.counters.statuses.${c.status}`) },
          {
            key: 'edit',
            width: 90,
            render: (_, c) => (
              <Button size="small" onClick={() => edit(c)} data-testid={`edit-counter-${c.id}`}>
                {t('branchAdmin.counters.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="counter-form" className="branch-form" style={{ marginTop: 16 }}>
        <Space wrap align="start">
          <Form.Item name="counter" label={t('branchAdmin.counters.number')} rules={[{ required: true, pattern: /^[1-9]\d{0,2}$/, message: t('branchAdmin.counters.badNumber') }]}>
            <Input style={{ width: 100 }} data-testid="counter-number" />
          </Form.Item>
          <Form.Item name="services" label={t('branchAdmin.counters.services')} rules={[{ required: true, type: 'array', min: 1, message: t('branchAdmin.counters.needService') }]}>
            <Select
              mode="multiple"
              style={{ minWidth: 320 }}
              data-testid="counter-services"
              // Typed text finds a service by its code or its name; the order picked is the order of preference.
              filterOption={(input, option) => option?.value === input || String(option?.label ?? '').includes(input)}
              options={services.map((s) => ({ value: s.code, label: `${s.prefix} · ${zh ? s.nameZh : s.nameEn}` }))}
            />
          </Form.Item>
          <Form.Item name="label" label={t('branchAdmin.counters.label')} tooltip={t('branchAdmin.counters.labelHint')} rules={[{ max: 12, message: t('branchAdmin.counters.tooLong') }]}>
            <Input style={{ width: 160 }} data-testid="counter-label" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="save-counter">
          {t('branchAdmin.counters.add')}
        </Button>
      </Form>
      <ErrorLine message={error} />
    </Card>
  );
}
