// One counter at work: its status, the current ticket large, every teller action with its
// key, the VIP's notes (teller only), the queues it serves and the next numbers.
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCounter, ApiTicket } from '../../main/common/api';
import { useSession } from '../auth/use-session';
import { api } from '../../main/common/routes/index';
import { hubFor, type HubClient } from '../hub-client';
import { ticketByRef, type LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime } from '../ui/format';
import { ACTIONS, FINISH_TAGS, type ActionDef, type CounterAction, type DeskState, type FinishTag, type KeyChoice } from './actions';
import { CallNumberDialog } from './CallNumberDialog';
import { NextNumbers } from './NextNumbers';
import { PauseDialog } from './PauseDialog';
import { TransferDialog } from './TransferDialog';
import { useShortcuts } from './use-shortcuts';
import { FraudWatch, fraudWatched } from './FraudWatch';
import { VipNote } from './VipNote';
import './counter.css';
import { counterName } from '../ui/counter-name';

interface Props {
  lobby: LobbyView;
  counter: ApiCounter;
  onChange: () => void;
}

type Dialog = 'transfer' | 'callNumber' | 'pause' | null;

export function CounterDesk({ lobby, counter, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = useSession('counter');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const mine = counter.status !== 'closed' && counter.staffId === session?.staffId;
  const current = ticketByRef(lobby.tickets, counter.currentTicket) as ApiTicket | undefined;
  const desk: DeskState = { counter: counter.status, ticket: current?.status ?? null };
  // Keys are not held back while a request is in flight: a quick teller presses S right after
  // N, and the hub refuses (409, nothing written) whatever the state machine forbids.
  const can = (a: ActionDef) => mine && a.enabled(desk);

  async function send<T>(request: (hub: HubClient) => Promise<T>, after?: (answer: T) => void): Promise<boolean> {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const answer = await request(hubFor('counter'));
      after?.(answer);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function run(a: ActionDef) {
    if (!can(a)) return;
    const request = a.request(counter.id, current?.id ?? null);
    if (request === null) {
      setDialog(a.action as Exclude<Dialog, null>);
      return;
    }
    // call-next answers 204 when nobody waits: say so rather than doing nothing.
    void send(request, a.action === 'callNext' ? (ans) => ans === null && setNote(t('counter.nobodyWaiting')) : undefined);
  }

  function finishWith(tag: FinishTag) {
    const finish = ACTIONS.find((a) => a.action === 'finish')!;
    if (!can(finish) || !current) return;
    void send((hub) => hub.call(api.finish, { params: { id: current.id }, body: { tags: [tag] } }));
  }

  useShortcuts((c: KeyChoice) => (c.kind === 'action' ? run(c.def) : finishWith(c.tag)), dialog === null);

  const closeDialog = () => setDialog(null);
  const params = { counter: counter.id };
  const primary: CounterAction[] = ['callNext', 'start', 'finish'];

  return (
    <div className="counter-desk" data-testid="counter-desk" data-counter={counter.id}>
      <div className="counter-head">
        <h2 data-testid="counter-name">{counterName(t, counter.id, counter.label)}</h2>
        <span className={`status status-${counter.status}`}>{t(`counter.status.${counter.status}`)}</span>
        {counter.status === 'paused' && counter.pauseReason ? (
          <Tag color="orange" data-testid="pause-reason">
            {t(`counter.pauseReasons.${counter.pauseReason}`)} · {t('counter.sinceTime', { time: clockTime(counter.since, i18n.language) })}
          </Tag>
        ) : null}
        {counter.staffId ? <span className="hint">{counter.staffId}</span> : null}
        <span className="spacer" />
        {!mine ? (
          <Button type="primary" size="large" disabled={busy} onClick={() => void send((hub) => hub.call(api.openCounter, { params }))}>
            {t('counter.open')}
          </Button>
        ) : null}
        <Button type="link" onClick={onChange}>
          {t('counter.change')}
        </Button>
      </div>

      <div className="desk-main">
        <Card className="current-ticket">
          <p className="label">{t('counter.current')}</p>
          <p className={current ? 'current-number' : 'current-number current-none'} data-testid="current-ticket">
            {current?.number ?? t('counter.none')}
          </p>
          {current ? (
            <Space wrap className="current-meta">
              <span className="current-status">{t(`counter.ticketStatus.${current.status}`)}</span>
              {current.priority !== 'normal' ? <Tag color={current.priority === 'green' ? 'green' : 'gold'}>{t(`counter.priority.${current.priority}`)}</Tag> : null}
              {fraudWatched(current) ? <Tag color="red">{t('fraudWatch.flag')}</Tag> : null}
              {current.recalls > 0 ? <Tag>{t('counter.recalls', { count: current.recalls })}</Tag> : null}
              {current.transfers > 0 ? <Tag color="blue">{t('counter.transferred')}</Tag> : null}
            </Space>
          ) : null}
          {current && current.priority === 'vip' ? <VipNote ticketId={current.id} /> : null}
          {current && fraudWatched(current) ? <FraudWatch /> : null}
        </Card>

        <div className="action-grid">
          {ACTIONS.map((a) => (
            <Button
              key={a.action}
              size="large"
              type={primary.includes(a.action) ? 'primary' : 'default'}
              danger={a.action === 'noShow'}
              className="desk-action"
              data-action={a.action}
              disabled={busy || !can(a)}
              onClick={() => run(a)}
            >
              {t(`counter.actions.${a.action}`)} <kbd>{a.key}</kbd>
            </Button>
          ))}
        </div>
      </div>

      {desk.ticket === 'serving' && mine ? (
        <div className="finish-tags" data-testid="finish-tags">
          <span className="hint">{t('counter.finishWithTag')}</span>
          {FINISH_TAGS.map((tag, i) => (
            <Button key={tag} data-tag={tag} disabled={busy} onClick={() => finishWith(tag)}>
              {t(`counter.tags.${tag}`)} <kbd>{i + 1}</kbd>
            </Button>
          ))}
        </div>
      ) : null}
      <p className="hint">{t('counter.shortcutHint')}</p>
      <ErrorLine message={error} />
      {note ? <p className="note">{note}</p> : null}

      <NextNumbers lobby={lobby} counter={counter} />

      <TransferDialog
        open={dialog === 'transfer'}
        lobby={lobby}
        counter={counter}
        onCancel={closeDialog}
        onSubmit={async (body) => {
          if (current && (await send((hub) => hub.call(api.transfer, { params: { id: current.id }, body })))) closeDialog();
        }}
      />
      <CallNumberDialog
        open={dialog === 'callNumber'}
        onCancel={closeDialog}
        onSubmit={async (number) => {
          if (await send((hub) => hub.call(api.callTicket, { params, body: { number } }))) closeDialog();
        }}
      />
      <PauseDialog
        open={dialog === 'pause'}
        onCancel={closeDialog}
        onSubmit={async (reason) => {
          if (await send((hub) => hub.call(api.pauseCounter, { params, body: { reason } }))) closeDialog();
        }}
      />
    </div>
  );
}
