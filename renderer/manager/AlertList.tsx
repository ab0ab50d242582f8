// Every alert kind rendered the same way: an icon, a sentence from i18n with the alert's
// details, the time, and an acknowledge button; acknowledged ones say who and when. Kinds
// added by other features work here without changes (a generic icon and sentence at worst).
// The rows come arranged by alert-order.ts: a kiosk's green-channel and help requests first
// (with the kiosk's name and the reason), then one-off alerts, then one row per routine kind
// ("3 more like this", acknowledged together); an alert raised again under one key says how
// many times. A ticket whose print outcome is unknown also gets a Reprint button, behind a
// confirmation (a second ticket only if none came out). Only a signed-in manager acts: on a
// paired manager tablet (`canAct` false) the list is read-only, since the hub refuses it.
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
  FrownOutlined,
  FileTextOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, List, Popconfirm, Tag } from 'antd';
import { isOpenAlert as isOpen, type AlertRow, type ArrangedAlerts } from '../../main/common/alert-order';
import type { ReactElement, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../main/common/alerts';
import type { PrintAnswer } from '../../main/common/print';
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
  low_rating: <FrownOutlined />,
  elderly_near_turn: <UserOutlined />,
  breach_ahead: <FieldTimeOutlined />,
  fraud_watch: <SafetyOutlined />,
  checklist_due: <FileTextOutlined />,
  patrol_due: <FileTextOutlined />,
};

/** The ticket an open "print outcome unknown" alert is about, when it can be reprinted. */
const reprintable = (a: Alert): string | null =>
  a.kind === 'printer_outcome_unknown' && isOpen(a) && typeof a.details.ticketId === 'string' ? a.details.ticketId : null;

/** The printer faults a reprint may answer with (a 503); each has its own sentence. */
const PRINT_FAULTS = new Set(['printer_paper_out', 'printer_cover_open', 'printer_offline', 'printer_interrupted', 'printer_not_configured']);

interface Props {
  arranged: ArrangedAlerts;
  lobby: LobbyView | null;
  /** A signed-in manager: acknowledge and reprint. A paired tablet only reads. */
  canAct: boolean;
  onAcknowledge: (id: string) => Promise<void>;
  onReprint?: (ticketId: string) => Promise<PrintAnswer | null>;
}

export function AlertList({ arranged, lobby, canAct, onAcknowledge, onReprint }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [reprinting, setReprinting] = useState<string | null>(null);
  const open = arranged.open;
  const openCount = open.reduce((n, r) => n + r.members.length, 0);
  const closed = arranged.closed.slice(0, 8);

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
      // The kiosk choice the customer was on, and the green channel's reason, in words.
      choicePart: typeof a.details.nameZh === 'string' ? t('alerts.choicePart', { name: localName({ nameZh: a.details.nameZh, nameEn: String(a.details.nameEn ?? a.details.nameZh) }, i18n.language) }) : '',
      // A low rating's score and reasons, in the words the customer tapped on the pad.
      scoreText: typeof a.details.score === 'number' ? t(`rate.scores.${a.details.score}`) : '',
      reasonsPart: typeof a.details.reasons === 'string' && a.details.reasons !== '' ? t('rate.reasonsPart', { reasons: a.details.reasons.split(',').map((r) => t(`rate.reasons.${r}`, { defaultValue: r })).join(t('rate.reasonSeparator')) }) : '',
      // The kiosk choice of a fraud watch, in words: its names when the alert carries them, else its id.
      choiceName: typeof a.details.nameZh === 'string' ? localName({ nameZh: a.details.nameZh, nameEn: String(a.details.nameEn ?? a.details.nameZh) }, i18n.language) : (a.details.choice ?? ''),
      reasonText: typeof a.details.reason === 'string' && i18n.exists(`alerts.reasons.${a.details.reason}`) ? t(`alerts.reasons.${a.details.reason}`) : (a.details.reason ?? ''),
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
    if (!ticketId || !canAct || !onReprint) return null;
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

  function acknowledgeRow(row: AlertRow) {
    setError(null);
    // A routine group is acknowledged together: one after another, stopping at the first refusal.
    (async () => {
      for (const a of row.members) await onAcknowledge(a.id);
    })().catch((e: unknown) => setError(errorText(e)));
  }

  const item = (row: AlertRow) => {
    const a = row.lead;
    const others = row.members.slice(1);
    const live = isOpen(a);
    return (
      <List.Item
        key={a.id}
        data-kind={a.kind}
        data-key={a.key}
        data-tier={row.tier}
        data-members={row.members.length}
        data-times={row.times}
        className={live ? `alert-open alert-${row.tier}${reprintable(a) && canAct ? ' alert-two-actions' : ''}` : 'alert-closed'}
        actions={
          live && canAct
            ? [
                reprintButton(a),
                <Button key="ack" type="primary" size="small" data-testid="ack" onClick={() => acknowledgeRow(row)}>
                  {others.length > 0 ? t('alerts.ackAll') : t('alerts.acknowledge')}
                </Button>,
              ].filter((x): x is ReactElement => x !== null)
            : []
        }
      >
        <List.Item.Meta
          avatar={<span className="alert-icon">{ICONS[a.kind] ?? <BellOutlined />}</span>}
          title={
            <span data-testid="alert-sentence">
              {sentence(a)}
              {row.times > 1 ? (
                <Tag className="alert-times" color={row.tier === 'urgent' ? 'red' : undefined}>
                  {t('alerts.times', { count: row.times })}
                </Tag>
              ) : null}
            </span>
          }
          description={
            <>
              <span className="hint">
                {clockTime(new Date(a.raisedAt), i18n.language)}
                {a.acknowledgedAt !== null ? ` · ${t('alerts.acknowledgedBy', { by: a.acknowledgedBy, time: clockTime(new Date(a.acknowledgedAt), i18n.language) })}` : ''}
                {a.resolvedAt !== null ? ` · ${t('alerts.resolved', { time: clockTime(new Date(a.resolvedAt), i18n.language) })}` : ''}
              </span>
              {others.length > 0 ? (
                <div className="alert-group" data-testid="alert-group">
                  <span className="hint">{t('alerts.groupMore', { count: others.length })}</span>
                  <ul>
                    {others.map((o) => (
                      <li key={o.id}>{sentence(o)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          }
        />
      </List.Item>
    );
  };

  return (
    <Card
      size="small"
      className="alert-card"
      data-testid="alert-list"
      title={
        <span>
          <AlertOutlined /> {t('alerts.title')} {openCount > 0 ? <Tag color={arranged.urgentCount > 0 ? 'red' : undefined}>{openCount}</Tag> : null}
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
