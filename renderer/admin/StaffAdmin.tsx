// The admin's staff list (/admin#staff): add a person (their one-time PIN shown once, big, to
// hand over privately), rename them or change their role, disable or enable them, reset a
// forgotten PIN. Disabling and resetting ask first: both sign the person out everywhere.
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../main/common/domain';
import { api } from '../../main/common/routes/index';
import type { StaffView } from '../../main/common/routes/staff';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { usePolled } from './use-polled';
import '../setup/setup.css';

const STAFF_ID = /^[A-Za-z0-9._-]{1,32}$/;
const hub = () => hubFor('admin');

export function StaffAdmin() {
  const { t } = useTranslation();
  const { data, error, act } = usePolled(async () => (await hub().call(api.staffList)).staff);
  const [editing, setEditing] = useState<StaffView | null>(null);
  const [oneTime, setOneTime] = useState<{ staffId: string; pin: string } | null>(null);
  const roleName = (role: string) => t(`staffAdmin.roles.${role}`, { defaultValue: role });

  async function reset(s: StaffView) {
    await act(async () => {
      const a = await hub().call(api.resetStaffPin, { params: { id: s.staffId } });
      setOneTime({ staffId: a.staffId, pin: a.oneTimePin });
    });
  }

  return (
    <Card title={t('staffAdmin.title')} className="staff-admin" data-testid="staff-admin">
      <AddStaff roleName={roleName} act={act} onAdded={(staffId, pin) => setOneTime({ staffId, pin })} />
      <ErrorLine message={error} />
      <Table<StaffView>
        rowKey="staffId"
        pagination={false}
        size="middle"
        dataSource={data ?? []}
        locale={{ emptyText: t('staffAdmin.none') }}
        rowClassName={(s) => (s.disabled ? 'staff-disabled' : '')}
        onRow={(s) => ({ 'data-testid': `staff-row-${s.staffId}` }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('staffAdmin.staffId'), dataIndex: 'staffId' },
          { title: t('staffAdmin.name'), dataIndex: 'name' },
          { title: t('staffAdmin.role'), render: (_v, s) => roleName(s.role) },
          {
            title: t('staffAdmin.state'),
            render: (_v, s) => (
              <Space size={4} wrap>
                {s.disabled ? <Tag color="default">{t('staffAdmin.disabled')}</Tag> : <Tag color="green">{t('staffAdmin.active')}</Tag>}
                {s.pinChangePending ? <Tag color="gold">{t('staffAdmin.pinPending')}</Tag> : null}
                {s.demoPin ? <Tag color="red">{t('staffAdmin.demoPin')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: '',
            render: (_v, s) => (
              <Space wrap>
                <Button onClick={() => setEditing(s)} data-testid={`edit-${s.staffId}`}>
                  {t('staffAdmin.edit')}
                </Button>
                <Popconfirm
                  title={t(s.disabled ? 'staffAdmin.confirmEnable' : 'staffAdmin.confirmDisable', { staffId: s.staffId, name: s.name })}
                  okText={t('staffAdmin.yes')}
                  cancelText={t('staffAdmin.cancel')}
                  onConfirm={() => act(() => hub().call(api.changeStaff, { params: { id: s.staffId }, body: { disabled: !s.disabled } }))}
                >
                  <Button danger={!s.disabled} data-testid={`${s.disabled ? 'enable' : 'disable'}-${s.staffId}`}>
                    {t(s.disabled ? 'staffAdmin.enable' : 'staffAdmin.disable')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('staffAdmin.confirmReset', { staffId: s.staffId, name: s.name })}
                  okText={t('staffAdmin.yes')}
                  cancelText={t('staffAdmin.cancel')}
                  onConfirm={() => reset(s)}
                >
                  <Button data-testid={`reset-${s.staffId}`}>{t('staffAdmin.resetPin')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing ? <EditStaff staff={editing} roleName={roleName} act={act} onClose={() => setEditing(null)} /> : null}
      {oneTime ? <OneTimePin staffId={oneTime.staffId} pin={oneTime.pin} onClose={() => setOneTime(null)} /> : null}
    </Card>
  );
}

type Act = (action: () => Promise<unknown>) => Promise<boolean>;

function AddStaff({ roleName, act, onAdded }: { roleName(role: string): string; act: Act; onAdded(staffId: string, pin: string): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ staffId: string; name: string; role: StaffRole }>();
  const required = { required: true, whitespace: true, message: t('setup.required') };
  return (
    <Form
      form={form}
      layout="inline"
      className="staff-add"
      data-testid="add-staff-form"
      initialValues={{ role: 'teller' }}
      onFinish={(v) =>
        void act(async () => {
          const a = await hub().call(api.addStaff, { body: { staffId: v.staffId.trim(), name: v.name.trim(), role: v.role } });
          form.resetFields();
          onAdded(a.staffId, a.oneTimePin);
        })
      }
    >
      <Form.Item name="staffId" label={t('staffAdmin.staffId')} rules={[required, { pattern: STAFF_ID, message: t('setup.badStaffId') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('staffAdmin.name')} rules={[required]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('staffAdmin.role')}>
        <Select style={{ minWidth: 180 }} options={STAFF_ROLES.map((r) => ({ value: r, label: roleName(r) }))} data-testid="add-staff-role" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="add-staff">
          {t('staffAdmin.add')}
        </Button>
      </Form.Item>
      <p className="hint" style={{ flexBasis: '100%' }}>
        {t('staffAdmin.addHint')}
      </p>
    </Form>
  );
}

function EditStaff({ staff, roleName, act, onClose }: { staff: StaffView; roleName(role: string): string; act: Act; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title={`${t('staffAdmin.edit')} ${staff.staffId}`} footer={null} onCancel={onClose} destroyOnHidden>
      <Form
        layout="vertical"
        initialValues={{ name: staff.name, role: staff.role }}
        data-testid="edit-staff-form"
        onFinish={(v: { name: string; role: StaffRole }) =>
          void (async () => {
            setError(null);
            try {
              await hub().call(api.changeStaff, { params: { id: staff.staffId }, body: { name: v.name.trim(), role: v.role } });
              await act(async () => undefined);
              onClose();
            } catch (e) {
              setError(errorText(e));
            }
          })()
        }
      >
        <Form.Item name="name" label={t('staffAdmin.name')} rules={[{ required: true, whitespace: true, message: t('setup.required') }]}>
          <Input maxLength={64} autoFocus />
        </Form.Item>
        <Form.Item name="role" label={t('staffAdmin.role')}>
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: roleName(r) }))} />
        </Form.Item>
        <ErrorLine message={error} />
        <div className="dialog-buttons">
          <Button onClick={onClose}>{t('staffAdmin.cancel')}</Button>
          <Button type="primary" htmlType="submit">
            {t('staffAdmin.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

/** Shown once: the hub keeps only its hash, and nobody can show it again. */
function OneTimePin({ staffId, pin, onClose }: { staffId: string; pin: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('staffAdmin.oneTimeTitle', { staffId })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} autoFocus data-testid="one-time-done">
          {t('staffAdmin.oneTimeDone')}
        </Button>
      }
    >
      <div className="one-time-pin" data-testid="one-time-pin">
        {pin}
      </div>
      <p>{t('staffAdmin.oneTimeNote')}</p>
    </Modal>
  );
}
