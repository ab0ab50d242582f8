// The branch's printers: which printer each kiosk prints on (a kiosk without one prints on
// the hub's own --printer), and every printer's health as the hub's poller last saw it.
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterView } from '../../main/common/print';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { usePolled } from './use-polled';

interface Device {
  deviceId: string;
  role: string;
  name: string;
  paired: boolean;
  revokedAt: string | null;
}

export function Printers() {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const { data, error, act } = usePolled(async () => {
    const [d, p] = await Promise.all([
      hubFor('admin').call(api.devices),
      hubFor('admin').call(api.printers),
    ]);
    return { kiosks: (d?.devices ?? []).filter((x) => x.role === 'kiosk' && !x.revokedAt), printers: p?.printers ?? [] };
  });
  const kiosks = data?.kiosks ?? [];
  const printers = data?.printers ?? [];

  async function assign(device: string, uri: string | null) {
    const done = await act(() => hubFor('admin').call(api.assignPrinter, { params: { device }, body: { uri } }));
    if (done) setDrafts((d) => ({ ...d, [device]: '' }));
  }

  const uriOf = (device: string) => printers.find((p) => p.device === device)?.uri ?? null;
  const health = (p: PrinterView | undefined) => {
    if (!p?.status) return <Tag>{t('printers.unknown')}</Tag>;
    if (!p.status.reachable) return <Tag color="red">{t('printers.condition.offline')}</Tag>;
    if (p.status.conditions.length === 0) return <Tag color="green">{t('printers.ok')}</Tag>;
    return (
      <>
        {p.status.conditions.map((c) => (
          <Tag key={c} color={c === 'paper_low' ? 'orange' : 'red'}>
            {t(`printers.condition.${c}`)}
          </Tag>
        ))}
      </>
    );
  };

  return (
    <Card title={t('printers.title')} data-testid="printers">
      <ErrorLine message={error} />
      <Table<Device>
        rowKey="deviceId"
        pagination={false}
        size="middle"
        dataSource={kiosks}
        // Until the first read answers, "no kiosk registered" would be a false statement.
        loading={data === null && error === null}
        locale={{ emptyText: data === null ? ' ' : t('printers.noKiosks') }}
        columns={[
          { title: t('printers.kiosk'), dataIndex: 'name' },
          { title: t('printers.printer'), render: (_v, d) => uriOf(d.deviceId) ?? <span className="hint">{t('printers.viaHub')}</span> },
          { title: t('printers.health'), render: (_v, d) => (uriOf(d.deviceId) ? health(printers.find((p) => p.device === d.deviceId)) : null) },
          {
            title: t('printers.assign'),
            render: (_v, d) => (
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  placeholder="tcp://192.168.1.50:9100"
                  value={drafts[d.deviceId] ?? ''}
                  onChange={(e) => setDrafts((x) => ({ ...x, [d.deviceId]: e.target.value }))}
                  data-testid={`printer-uri-${d.deviceId}`}
                />
                <Button type="primary" disabled={!(drafts[d.deviceId] ?? '').trim()} onClick={() => void assign(d.deviceId, (drafts[d.deviceId] ?? '').trim())}>
                  {t('printers.save')}
                </Button>
                {uriOf(d.deviceId) ? <Button onClick={() => void assign(d.deviceId, null)}>{t('printers.remove')}</Button> : null}
              </Space.Compact>
            ),
          },
        ]}
      />
      {printers.some((p) => p.device === 'hub') ? (
        <p className="hint" data-testid="hub-printer">
          {t('printers.hubPrinter')}: {uriOf('hub')} {health(printers.find((p) => p.device === 'hub'))}
        </p>
      ) : null}
    </Card>
  );
}
