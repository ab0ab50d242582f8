// Every alert kind rendered the same way: an icon, a sentence from i18n with the alert's
// details, the time, and an acknowledge button; acknowledged ones say who and when. Kinds
// added by other features work here without changes (a generic icon and sentence at worst).
// A ticket whose print outcome is unknown also gets a Reprint button, behind a confirmation
// (a second ticket only if none came out), for a signed-in manager: a paired manager tablet
// is read-only and the hub refuses it a reprint, so it never sees the button.
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
import { App, Button, Card, Empty, List, Popconfirm, Tag } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../main/common/alerts';
import type { PrintAnswer } from '../../main/common/print';
import { useSession } from '../auth/use-session';
import { ApiError } from '../hub-client';
import type { LobbyView } from '../live/lobby-state';
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
  printer_outcome_unknown: <PrinterOutlined />,
  counter_idle: <PauseCircleOutlined />,
  kiosk_help: <QuestionCircleOutlined />,
  green_channel_request: <MedicineBoxOutlined />,
  repeated_recall: <RedoOutlined />,
  checklist_due: <FileTextOutlined />,
  patrol_due: <FileTextOutlined />,
};
const URGENT = new Set(['vip_arrived', 'green_channel_request', 'printer_paper_out', 'kiosk_help', 'storage_full']);

const isOpen = (a: Alert) => a.acknowledgedAt === null && a.resolvedAt === null;

/** The ticket an open "print outcome unknown" alert is about, when it can be reprinted. */
const reprintable = (a: Alert): string | null =>
  a.kind === 'printer_outcome_unknown' && isOpen(a) && typeof a.details.ticketId === 'string' ? a.details.ticketId : null;

/** The printer faults a reprint may answer with (a 503); each has its own sentence. */
const PRINT_FAULTS = new Set(['printer_paper_out', 'printer_cover_open', 'printer_offline', 'printer_interrupted', 'printer_not_configured']);

interface Props {
  alerts: Alert[];
  lobby: LobbyView | null;
  onAcknowledge: (id: string) => Promise<void>;
  onReprint?: (ticketId: string) => Promise<PrintAnswer | null>;
}

export function AlertList({ alerts, lobby, onAcknowledge, onReprint }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  // Only a person signed in as manager may reprint; a paired tablet's session has no staff ID.
  const signedIn = Boolean(useSession('manager')?.staffId);
  const [error, setError] = useState<string | null>(null);
  const [reprinting, setReprinting] = useState<string | null>(null);
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
      // The name the admin gave the device; its id only for alerts raised before names were kept.
      device: typeof a.details.deviceName === 'string' ? a.details.deviceName : (a.device ?? ''),
      service: service ? localName(service, i18n.language) : (a.details.service ?? ''),
    };
    const key = `alerts.kinds.${a.kind}`;
    return i18n.exists(key) ? t(key, values) : t('alerts.generic', { kind: a.kind, ...values });
  }

  async function reprint(a: Alert, ticketId: string) {
    if (!onReprint) return;
    const ticket = a.ticket ?? '';
    setError(null);
    setReprinting(a.id);
    try {
      const answer = await onReprint(ticketId);
      if (answer?.uncertain) void message.warning(i18n.t('alerts.reprint.doneUncertain', { ticket }), 8);
      else void message.success(i18n.t('alerts.reprint.done', { ticket }));
    } catch (e) {
      setError(e instanceof ApiError && PRINT_FAULTS.has(e.code) ? i18n.t(`alerts.reprint.failed.${e.code}`, { ticket }) : errorText(e));
    } finally {
      setReprinting(null);
    }
  }

  const reprintButton = (a: Alert) => {
    const ticketId = reprintable(a);
    if (!ticketId || !signedIn || !onReprint) return null;
    return (
      <Popconfirm
        key="reprint"
        placement="bottomRight"
        title={t('alerts.reprint.title', { ticket: a.ticket ?? '' })}
        description={<div className="reprint-confirm">{t('alerts.reprint.body')}</div>}
        okText={t('alerts.reprint.ok')}
        cancelText={t('alerts.reprint.cancel')}
        onConfirm={() => reprint(a, ticketId)}
      >
        <Button size="small" icon={<PrinterOutlined />} loading={reprinting === a.id} disabled={reprinting !== null && reprinting !== a.id} data-testid="reprint">
          {t('alerts.reprint.button')}
        </Button>
      </Popconfirm>
    );
  };

  const item = (a: Alert) => (
    <List.Item
      key={a.id}
      data-kind={a.kind}
      data-key={a.key}
      className={isOpen(a) ? `alert-open${URGENT.has(a.kind) ? ' alert-urgent' : ''}${reprintable(a) && signedIn ? ' alert-two-actions' : ''}` : 'alert-closed'}
      actions={
        isOpen(a)
          ? [
              reprintButton(a),
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
            ].filter((x): x is ReactElement => x !== null)
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
