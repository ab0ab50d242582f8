// The hq_admin's staff panel: head-office staff with their role and (a regional manager) their
// branches; add a regional manager and pick their branches, change the branches, disable or
// enable, reset a PIN. A new person or a reset gets a one-time PIN shown once, to hand over.
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeStaffView } from '../../main/common/office/staff-routes';
import { officeApi, officeErrorText } from './office-client';
import { useLoad } from './use-load';

export function StaffPanel({ token, self }: { token: string; self: string }) {
  const { t, i18n } = useTranslation();
  const text = (e: unknown) => officeErrorText(t, (k) => i18n.exists(k), e);
  const { data, error, reload } = useLoad(async () => {
    const [{ staff }, { branches }] = await Promise.all([officeApi.staff(token), officeApi.branches(token)]);
    return { staff, branches };
  }, [token]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<OfficeStaffView | null>(null);
  const [oneTime, setOneTime] = useState<{ staffId: string; pin: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const names = new Map((data?.branches ?? []).map((b) => [b.branchId, b.name]));
  const options = (data?.branches ?? []).map((b) => ({ value: b.branchId, label: b.name }));

  async function act(fn: () => Promise<unknown>) {
    setFailed(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setFailed(text(e));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="office-staff-panel">
      <Button type="primary" onClick={() => setAdding(true)} data-testid="office-add-regional">
        {t('office.staff.addRegional')}
      </Button>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {failed ? <Alert type="error" showIcon title={failed} closable onClose={() => setFailed(null)} /> : null}
      <Table<OfficeStaffView>
        data-testid="office-staff"
        rowKey="staffId"
        size="middle"
        pagination={false}
        dataSource={data?.staff ?? []}
        loading={data === null && error === null}
        columns={[
          { key: 'id', title: t('office.staff.staffId'), dataIndex: 'staffId' },
          { key: 'name', title: t('office.staff.name'), dataIndex: 'name' },
          { key: 'role', title: t('office.staff.role'), render: (_, s) => t(`office.role.${s.role}`) },
          {
            key: 'branches',
            title: t('office.staff.branches'),
            render: (_, s) => (s.role === 'hq_admin' ? t('office.staff.allBranches') : s.branches.map((b) => <Tag key={b}>{names.get(b) ?? b}</Tag>)),
          },
          {
            key: 'state',
            title: t('office.staff.state'),
            render: (_, s) => (
              <Space size={4}>
                {s.disabled ? <Tag color="red">{t('office.staff.disabled')}</Tag> : null}
                {s.pinChangePending ? <Tag color="gold">{t('office.staff.pinPending')}</Tag> : null}
                {s.demoPin ? <Tag color="orange">{t('office.staff.demoPin')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: '',
            render: (_, s) => (
              <Space size={4}>
                {s.role === 'regional_manager' ? (
                  <Button size="small" onClick={() => setEditing(s)} data-testid={`edit-branches-${s.staffId}`}>
                    {t('office.staff.editBranches')}
                  </Button>
                ) : null}
                {s.staffId === self ? null : s.disabled ? (
                  <Button size="small" onClick={() => act(() => officeApi.changeStaff(token, s.staffId, { disabled: false }))}>
                    {t('office.staff.enable')}
                  </Button>
                ) : (
                  <Popconfirm title={t('office.staff.disableConfirm', { staffId: s.staffId })} onConfirm={() => act(() => officeApi.changeStaff(token, s.staffId, { disabled: true }))}>
                    <Button size="small" danger>
                      {t('office.staff.disable')}
                    </Button>
                  </Popconfirm>
                )}
                <Popconfirm
                  title={t('office.staff.resetConfirm', { staffId: s.staffId })}
                  onConfirm={() =>
                    act(async () => {
                      const a = await officeApi.resetPin(token, s.staffId);
                      setOneTime({ staffId: a.staffId, pin: a.oneTimePin });
                    })
                  }
                >
                  <Button size="small">{t('office.staff.resetPin')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {adding ? (
        <StaffForm
          title={t('office.staff.addRegional')}
          options={options}
          onCancel={() => setAdding(false)}
          onSubmit={async (v) => {
            const a = await officeApi.addStaff(token, { staffId: v.staffId!, name: v.name!, role: 'regional_manager', branches: v.branches });
            setAdding(false);
            setOneTime({ staffId: a.staffId, pin: a.oneTimePin });
            reload();
          }}
          errorText={text}
        />
      ) : null}
      {editing ? (
        <StaffForm
          title={t('office.staff.editTitle', { staffId: editing.staffId })}
          options={options}
          initial={editing.branches}
          onCancel={() => setEditing(null)}
          onSubmit={async (v) => {
            await officeApi.changeStaff(token, editing.staffId, { branches: v.branches });
            setEditing(null);
            reload();
          }}
          errorText={text}
        />
      ) : null}
      {oneTime ? (
        <Modal
          open
          title={t('staffAdmin.oneTimeTitle', { staffId: oneTime.staffId })}
          onCancel={() => setOneTime(null)}
          maskClosable={false}
          footer={
            <Button type="primary" onClick={() => setOneTime(null)} data-testid="office-one-time-done">
              {t('staffAdmin.oneTimeDone')}
            </Button>
          }
        >
          <div data-testid="office-one-time-pin" style={{ fontSize: 56, fontWeight: 700, letterSpacing: '0.2em', textAlign: 'center', fontVariantNumeric: 'tabular-nums', margin: '16px 0' }}>
            {oneTime.pin}
          </div>
          <p>{t('staffAdmin.oneTimeNote')}</p>
        </Modal>
      ) : null}
    </Space>
  );
}

interface FormValues {
  staffId?: string;
  name?: string;
  branches: string[];
}

/** Adding a regional manager (`initial` absent: ID, name and branches) or changing their branches. */
function StaffForm(props: {
  title: string;
  options: { value: string; label: string }[];
  initial?: string[];
  onCancel(): void;
  onSubmit(v: FormValues): Promise<void>;
  errorText(e: unknown): string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const adding = props.initial === undefined;
  async function finish(v: FormValues) {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(v);
    } catch (e) {
      setError(props.errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={props.title} onCancel={props.onCancel} footer={null} destroyOnHidden>
      <Form<FormValues> layout="vertical" onFinish={finish} initialValues={{ branches: props.initial ?? [] }} data-testid="office-staff-form">
        {adding ? (
          <>
            <Form.Item name="staffId" label={t('office.staff.staffId')} rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{1,32}$/, message: t('setup.badStaffId') }]}>
              <Input data-testid="office-new-staff-id" />
            </Form.Item>
            <Form.Item name="name" label={t('office.staff.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input data-testid="office-new-staff-name" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="branches" label={t('office.staff.branches')} rules={[{ required: true, type: 'array', min: 1, message: t('office.staff.pickBranches') }]}>
          <Select mode="multiple" options={props.options} optionFilterProp="label" placeholder={t('office.staff.pickBranches')} data-testid="office-pick-branches" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="office-staff-save">
            {t('office.staff.save')}
          </Button>
          <Button onClick={props.onCancel} data-testid="office-staff-cancel">
            {t('office.staff.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
