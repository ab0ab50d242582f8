// The business day on the manager console: its state at a glance (营业中 / 未开始 / 已结束) and
// the open and close buttons, each behind a confirmation. A close refused because customers
// are at counters names them and offers, in one more confirmation, to finish them and close;
// one refused for the unsigned closing checklist says so in a sentence, with the way to /records.
import { Alert, Button, Card, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../main/common/routes/index';
import { ApiError, hubFor } from '../hub-client';
import type { LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { countersHeld, dayState, localToday, type CounterHeld } from './day-state';

const STATE_COLOR = { open: 'green', notStarted: 'default', closed: 'red' } as const;

type Asking = { kind: 'open' } | { kind: 'close' } | { kind: 'atCounters'; counters: CounterHeld[] } | null;

export function DayPanel({ lobby, now, readOnly }: { lobby: LobbyView; now: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checklist, setChecklist] = useState(false);
  const [done, setDone] = useState<'opened' | 'closed' | null>(null);
  const today = localToday(now);
  const state = dayState(lobby.day, today);
  const hub = hubFor('manager');

  async function run(fn: () => Promise<unknown>, after: 'opened' | 'closed') {
    setBusy(true);
    setError(null);
    setChecklist(false);
    setDone(null);
    try {
      await fn();
      setAsking(null);
      setDone(after);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'customers_at_counters') {
        setAsking({ kind: 'atCounters', counters: countersHeld(e.details) });
      } else {
        setAsking(null);
        if (e instanceof ApiError && e.code === 'closing_checklist_unsigned') setChecklist(true);
        else setError(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  }

  const open = () => run(() => hub.call(api.dayOpen, { body: {} }), 'opened');
  const close = (finishAtCounters: boolean) => run(() => hub.call(api.dayClose, { body: finishAtCounters ? { finishAtCounters } : {} }), 'closed');

  return (
    <Card
      size="small"
      className="day-panel"
      data-testid="day-panel"
      title={
        <Space>
          {t('day.title')}
          <Tag color={STATE_COLOR[state]} data-testid="day-state" data-state={state}>
            {t(`day.state.${state}`)}
          </Tag>
          <span className="hint">{lobby.day?.status === 'open' ? lobby.day.date : today}</span>
        </Space>
      }
      extra={
        readOnly ? (
          <span className="hint">{t('day.readOnly')}</span>
        ) : (
          <Space>
            <Button type="primary" disabled={state !== 'notStarted' || busy} title={state === 'closed' ? t('day.closedToday') : undefined} onClick={() => setAsking({ kind: 'open' })} data-testid="day-open">
              {t('day.open')}
            </Button>
            <Button danger disabled={state !== 'open' || busy} onClick={() => setAsking({ kind: 'close' })} data-testid="day-close">
              {t('day.close')}
            </Button>
          </Space>
        )
      }
    >
      {done && (
        <div data-testid="day-done">
          <Alert type="success" showIcon title={t(`day.${done}`)} />
        </div>
      )}
      {checklist && (
        <div data-testid="day-checklist">
          <Alert
            type="warning"
            showIcon
            title={t('day.checklistTitle')}
            description={
              <span>
                {t('day.checklistBody')} <Link to="/records">{t('day.toRecords')}</Link>
              </span>
            }
          />
        </div>
      )}
      <ErrorLine message={error} />

      <Modal
        open={asking?.kind === 'open'}
        title={t('day.openConfirm', { date: today })}
        okText={t('day.open')}
        cancelText={t('day.cancel')}
        confirmLoading={busy}
        onOk={() => void open()}
        onCancel={() => setAsking(null)}
        data-testid="day-open-confirm"
      >
        <p>{t('day.openConfirmBody')}</p>
      </Modal>
      <Modal
        open={asking?.kind === 'close'}
        title={t('day.closeConfirm')}
        okText={t('day.close')}
        okButtonProps={{ danger: true }}
        cancelText={t('day.cancel')}
        confirmLoading={busy}
        onOk={() => void close(false)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('day.closeConfirmBody')}</p>
      </Modal>
      <Modal
        open={asking?.kind === 'atCounters'}
        title={t('day.atCountersTitle')}
        okText={t('day.finishAndClose')}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'day-finish-and-close' } as object) }}
        cancelText={t('day.cancel')}
        confirmLoading={busy}
        onOk={() => void close(true)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('day.atCountersBody')}</p>
        <ul data-testid="day-at-counters">
          {(asking?.kind === 'atCounters' ? asking.counters : []).map((c) => (
            <li key={c.counter}>{t('day.atCounter', { counter: c.counter, number: c.number, status: t(`day.status.${c.status}`) })}</li>
          ))}
        </ul>
        <p>{t('day.closeConfirmBody')}</p>
      </Modal>
    </Card>
  );
}
