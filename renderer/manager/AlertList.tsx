// Every alert kind rendered the same way: an icon, a sentence from i18n with the alert's
// details, the time, and an acknowledge button; acknowledged ones say who and when. Kinds
// added by other features work here without changes (a generic icon and sentence at worst).
import {
  AlertOutlined,
  BellOutlined,
  ClockCircleOutlined,
  CrownOutlined,
  FieldTimeOutlined,
  MedicineBoxOutlined,
  PauseCircleOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
  RedoOutlined,
  FileTextOutlined,
} from '@ant-design/icons';
import { Button, Card, Empty, List, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../main/common/alerts';
import type { LobbyState } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime, localName } from '../ui/format';

const ICONS: Record<string, ReactNode> = {
  vip_arrived: <CrownOutlined />,
  wait_over_target: <ClockCircleOutlined />,
  estimate_over_threshold: <FieldTimeOutlined />,
  printer_paper_low: <PrinterOutlined />,
  printer_paper_out: <PrinterOutlined />,
  printer_offline: <PrinterOutlined />,
  printer_cover_open: <PrinterOutlined />,
  counter_idle: <PauseCircleOutlined />,
  kiosk_help: <QuestionCircleOutlined />,
  green_channel_request: <MedicineBoxOutlined />,
  repeated_recall: <RedoOutlined />,
  checklist_due: <FileTextOutlined />,
  patrol_due: <FileTextOutlined />,
};
const URGENT = new Set(['vip_arrived', 'green_channel_request', 'printer_paper_out', 'kiosk_help', 'storage_full']);

const isOpen = (a: Alert) => a.acknowledgedAt === null && a.resolvedAt === null;

export function AlertList({ alerts, lobby, onAcknowledge }: { alerts: Alert[]; lobby: LobbyState | null; onAcknowledge: (id: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const open = alerts.filter(isOpen);
  const closed = alerts.filter((a) => !isOpen(a)).slice(0, 8);

  function sentence(a: Alert): string {
    const service = typeof a.details.service === 'string' ? lobby?.queues.find((q) => q.service === a.details.service) : undefined;
    const values = {
      // Missing or null details read as nothing, never as "{{title}}" or "null".
      title: '',
      notes: '',
      ...Object.fromEntries(Object.entries(a.details).map(([k, v]) => [k, v ?? ''])),
      ticket: a.ticket ?? '',
      counter: a.counter ?? '',
      device: a.device ?? '',
      service: service ? localName(service, i18n.language) : (a.details.service ?? ''),
    };
    const key = `alerts.kinds.${a.kind}`;
    return i18n.exists(key) ? t(key, values) : t('alerts.generic', { kind: a.kind, ...values });
  }

  const item = (a: Alert) => (
    <List.Item
      key={a.id}
      data-kind={a.kind}
      data-key={a.key}
      className={isOpen(a) ? `alert-open${URGENT.has(a.kind) ? ' alert-urgent' : ''}` : 'alert-closed'}
      actions={
        isOpen(a)
          ? [
              <Button
                key="ack"
                type="primary"
                size="small"
                data-testid="ack"
                onClick={() => {
                  setError(null);
                  onAcknowledge(a.id).catch((e: unknown) => setError(errorText(e)));
                }}
              >
                {t('alerts.acknowledge')}
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        avatar={<span className="alert-icon">{ICONS[a.kind] ?? <BellOutlined />}</span>}
        title={sentence(a)}
        description={
          <span className="hint">
            {clockTime(new Date(a.raisedAt), i18n.language)}
            {a.acknowledgedAt !== null ? ` · ${t('alerts.acknowledgedBy', { by: a.acknowledgedBy, time: clockTime(new Date(a.acknowledgedAt), i18n.language) })}` : ''}
            {a.resolvedAt !== null ? ` · ${t('alerts.resolved', { time: clockTime(new Date(a.resolvedAt), i18n.language) })}` : ''}
          </span>
        }
      />
    </List.Item>
  );

  return (
    <Card
      size="small"
      className="alert-card"
      data-testid="alert-list"
      title={
        <span>
          <AlertOutlined /> {t('alerts.title')} {open.length > 0 ? <Tag color="red">{open.length}</Tag> : null}
        </span>
      }
    >
      <ErrorLine message={error} />
      {open.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.none')} /> : <List dataSource={open} renderItem={item} data-testid="open-alerts" />}
      {closed.length > 0 ? (
        <>
          <p className="hint alert-history-title">{t('alerts.history')}</p>
          <List size="small" dataSource={closed} renderItem={item} />
        </>
      ) : null}
    </Card>
  );
}
