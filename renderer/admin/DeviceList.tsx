// The branch's devices as the admin manages them: type, name, paired or still waiting for its
// code, when each was last heard from, and a Revoke button (confirmed first) that cuts a lost
// or stolen terminal off at once. Revoked devices stay listed, greyed, with when.
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../main/common/api';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { StaffTheme } from '../ui/StaffTheme';
import { ageOf } from './device-age';
import { usePolled } from './use-polled';
import './device-list.css';

export function DeviceList() {
  return (
    <StaffTheme>
      <Devices />
    </StaffTheme>
  );
}

/** Active devices in the order they were registered, then the revoked ones, latest first. */
function ordered(devices: DeviceView[]): DeviceView[] {
  const active = devices.filter((d) => !d.revokedAt);
  const revoked = devices.filter((d) => d.revokedAt).sort((a, b) => (b.revokedAt ?? '').localeCompare(a.revokedAt ?? ''));
  return [...active, ...revoked];
}

function Devices() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const { data, readAt: now, error, act } = usePolled(async () => (await hubFor('admin').call(api.devices))?.devices ?? []);
  const devices = data ?? [];

  async function revoke(device: DeviceView) {
    setBusy(device.deviceId);
    const done = await act(() => hubFor('admin').call(api.revokeDevice, { params: { id: device.deviceId } }));
    setBusy(null);
    if (done) void message.success(t('devices.revokedDone', { name: device.name }));
  }

  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  const age = (iso: string) => {
    const a = ageOf(Date.parse(iso), now);
    return t(`devices.age.${a.unit}`, { count: a.count });
  };

  const status = (d: DeviceView) => {
    if (d.revokedAt) {
      return (
        <span className="device-status">
          <Tag>{t('devices.revoked')}</Tag>
          <Typography.Text type="secondary">{t('devices.revokedAt', { time: when(d.revokedAt) })}</Typography.Text>
        </span>
      );
    }
    if (d.paired) return <Tag color="green">{t('devices.paired')}</Tag>;
    const expired = d.pairingExpiresAt !== null && Date.parse(d.pairingExpiresAt) <= now;
    return (
      <span className="device-status">
        <Tag color={expired ? 'default' : 'orange'}>{t('devices.waiting')}</Tag>
        <Typography.Text type="secondary">
          {expired || !d.pairingExpiresAt ? t('devices.codeExpired') : t('devices.codeValidUntil', { time: when(d.pairingExpiresAt) })}
        </Typography.Text>
      </span>
    );
  };

  return (
    <Card title={t('devices.title')} data-testid="device-list">
      <ErrorLine message={error} />
      <Table<DeviceView>
        rowKey="deviceId"
        pagination={false}
        size="middle"
        dataSource={ordered(devices)}
        locale={{ emptyText: t('devices.empty') }}
        rowClassName={(d) => (d.revokedAt ? 'device-revoked' : '')}
        onRow={(d) => ({ 'data-testid': `device-${d.deviceId}`, 'data-state': d.revokedAt ? 'revoked' : d.paired ? 'paired' : 'waiting' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          // A satisfaction pad says which counter it stands at.
          { title: t('devices.role'), width: 200, render: (_v, d) => `${t(`admin.deviceRoles.${d.role}`, { defaultValue: d.role })}${d.counter ? ` · ${t('display.counterN', { counter: d.counter })}` : ''}` },
          { title: t('devices.name'), dataIndex: 'name' },
          { title: t('devices.status'), render: (_v, d) => status(d) },
          {
            title: t('devices.lastSeen'),
            width: 160,
            render: (_v, d) =>
              d.lastSeenAt ? (
                <span title={when(d.lastSeenAt)} data-testid="last-seen">
                  {age(d.lastSeenAt)}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('devices.never')}</Typography.Text>
              ),
          },
          {
            title: t('devices.actions'),
            width: 120,
            render: (_v, d) =>
              d.revokedAt ? null : (
                <Popconfirm
                  placement="topRight"
                  title={t('devices.revokeTitle', { name: d.name })}
                  description={<div className="device-revoke-body">{t('devices.revokeBody')}</div>}
                  okText={t('devices.revokeOk')}
                  cancelText={t('devices.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke(d)}
                >
                  <Button danger loading={busy === d.deviceId}>
                    {t('devices.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
