// Per counter: its state, who is there, the ticket it serves and since when, a pause's reason
// and length; the services it serves, changeable; above them the advisor's warning when
// customers are about to wait past the maximum, with its move one tap away (issue 17: it
// replaces the older "one queue is 3× longer" suggestion, which saw lengths, not waits).
// Read-only on a paired tablet (`canAct` false): the warning without its buttons, no "change".
import { Alert, Button, Card, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCounter } from '../../main/common/api';
import type { Advice, InvitedTicket } from '../../main/common/advisor';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ticketByRef, type LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime, localName } from '../ui/format';
import { counterName } from '../ui/counter-name';

const STATUS_COLOR = { open: 'green', paused: 'orange', closed: 'default' } as const;

export function CountersPanel({
  lobby,
  advice,
  invited,
  onDecided,
  now,
  canAct,
}: {
  lobby: LobbyView;
  advice: Advice | null;
  /** Customers invited to self-service who still wait: the hub's list, kept across a restart or a reload. */
  invited: InvitedTicket[];
  onDecided: () => void;
  now: number;
  canAct: boolean;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<ApiCounter | null>(null);
  const [services, setServices] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Numbers tapped (went) or closed away here: hidden at once, before the hub's list catches up.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const shown = invited.filter((x) => !hidden.has(x.ticket));
  const hide = (tickets: string[]) => setHidden((h) => new Set([...h, ...tickets]));
  const name = (code: string) => {
    const q = lobby.queues.find((x) => x.service === code);
    return q ? localName(q, i18n.language) : code;
  };

  async function save(counter: string, list: string[]): Promise<void> {
    setError(null);
    try {
      await hubFor('manager').call(api.setCounterServices, { params: { counter }, body: { services: list } });
      setEditing(null);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function decide(a: Advice, decision: 'applied' | 'dismissed'): Promise<void> {
    setError(null);
    try {
      await hubFor('manager').call(api.decideAdvice, { body: { id: a.id, decision } });
      onDecided();
    } catch (e) {
      setError(errorText(e));
      onDecided();
    }
  }

  async function wentToSelfService(ticket: string): Promise<void> {
    setError(null);
    // Already called, or gone: the number leaves the list either way, the reason shows.
    hide([ticket]);
    try {
      await hubFor('manager').call(api.selfServiceTriage, { body: { ticket } });
    } catch (e) {
      setError(errorText(e));
    }
    onDecided();
  }

  const move = (a: Advice): string => {
    const x = a.action;
    if (!x) return t('manager.advice.none');
    if (x.kind === 'resume') return t('manager.advice.resume', { counter: x.counter });
    if (x.kind === 'open') return t('manager.advice.open', { counter: x.counter, staff: x.staffId, service: name(x.services[0]!) });
    if (x.kind === 'divert') return t('manager.advice.divert', { count: x.numbers.length, numbers: x.numbers.join(i18n.language.startsWith('zh') ? '、' : ', '), service: name(x.service) });
    return t('manager.advice.switch', { counter: x.counter, service: name(x.services[0]!) });
  };

  return (
    <Card size="small" title={t('lobby.counters')} data-testid="counter-table">
      {advice ? (
        <Alert
          className="advice"
          data-testid="advice"
          data-action={advice.action?.kind ?? 'none'}
          type="warning"
          showIcon
          title={t('manager.advice.warning', { minutes: Math.max(0, Math.round(advice.forecast.firstInMinutes ?? 0)), expected: Math.round(advice.forecast.expected) })}
          description={
            <>
              <div data-testid="advice-move">{move(advice)}</div>
              {advice.action ? <strong data-testid="advice-saves">{t('manager.advice.saves', { count: advice.saves })}</strong> : null}
            </>
          }
          action={
            canAct ? (
              <span className="advice-buttons">
                {advice.action ? (
                  <Button size="small" type="primary" data-testid="advice-apply" onClick={() => void decide(advice, 'applied')}>
                    {advice.action.kind === 'divert' ? t('manager.advice.invited') : t('manager.advice.apply')}
                  </Button>
                ) : null}
                <Button size="small" data-testid="advice-dismiss" onClick={() => void decide(advice, 'dismissed')}>
                  {t('manager.advice.dismiss')}
                </Button>
              </span>
            ) : null
          }
        />
      ) : null}
      {shown.length > 0 ? (
        <Alert
          className="advice"
          data-testid="invited"
          type="info"
          closable
          onClose={() => hide(shown.map((x) => x.ticket))}
          title={t('manager.advice.invitedList')}
          description={
            <span className="advice-buttons">
              {shown.map((x) => (
                <Button key={x.ticket} size="small" data-testid="went-self-service" data-number={x.number} disabled={!canAct} onClick={() => void wentToSelfService(x.ticket)}>
                  {t('manager.advice.went', { number: x.number })}
                </Button>
              ))}
            </span>
          }
        />
      ) : null}
      <ErrorLine message={error} />
      <Table<ApiCounter>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={lobby.counters}
        onRow={(c) => ({ 'data-counter': c.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('lobby.counter'), key: 'id', render: (_, c) => <strong>{counterName(t, c.id, c.label)}</strong> },
          {
            title: t('lobby.status'),
            key: 'status',
            render: (_, c) => (
              <>
                <Tag color={STATUS_COLOR[c.status]}>{t(`counter.status.${c.status}`)}</Tag>
                {c.status === 'paused' && c.pauseReason ? (
                  <span className="hint" data-testid="pause-info">
                    {t(`counter.pauseReasons.${c.pauseReason}`)} · {t('common.minutes', { count: Math.max(0, Math.floor((now - Date.parse(c.since)) / 60_000)) })}
                  </span>
                ) : null}
              </>
            ),
          },
          { title: t('lobby.staff'), key: 'staff', render: (_, c) => c.staffId ?? '—' },
          {
            title: t('lobby.currentTicket'),
            key: 'ticket',
            render: (_, c) => {
              const tk = ticketByRef(lobby.tickets, c.currentTicket);
              if (!tk) return '—';
              const since = 'startedAt' in tk && tk.startedAt ? tk.startedAt : tk.calledAt;
              return (
                <span>
                  <span className="ticket-number">{tk.number}</span> <span className="hint">{since ? t('counter.sinceTime', { time: clockTime(since, i18n.language) }) : ''}</span>
                </span>
              );
            },
          },
          { title: t('lobby.since'), key: 'since', render: (_, c) => clockTime(c.since, i18n.language) },
          {
            title: t('manager.services'),
            key: 'services',
            render: (_, c) => (
              <span className="counter-services">
                {c.services.map((s, i) => (
                  <Tag key={s} color={i === 0 ? 'blue' : undefined}>
                    {name(s)}
                  </Tag>
                ))}
                {canAct ? (
                  <Button
                    size="small"
                    type="link"
                    data-testid="edit-services"
                    onClick={() => {
                      setServices(c.services);
                      setEditing(c);
                    }}
                  >
                    {t('manager.change')}
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? t('manager.servicesOf', { counter: editing.id }) : ''}
        okText={t('manager.save')}
        cancelText={t('counter.cancel')}
        okButtonProps={{ disabled: services.length === 0 }}
        onOk={() => editing && void save(editing.id, services)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <p className="hint">{t('manager.servicesHint')}</p>
        <Select
          mode="multiple"
          size="large"
          style={{ width: '100%' }}
          value={services}
          onChange={setServices}
          options={lobby.queues.map((q) => ({ value: q.service, label: `${q.prefix} ${localName(q, i18n.language)}` }))}
        />
      </Modal>
    </Card>
  );
}
