// Triage in the hall: issue a ticket with any priority for a customer the manager greets,
// find a ticket by number, then move it to another service, raise it to green channel,
// send the customer to self-service, or cancel it.
import { Button, Card, Descriptions, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTicket } from '../../main/common/api';
import { PRIORITIES, type Priority } from '../../main/common/domain';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import type { LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime, estimateText, localName } from '../ui/format';

export function TriagePanel({ lobby }: { lobby: LobbyView }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [service, setService] = useState<string | undefined>(lobby.queues[0]?.service);
  const [priority, setPriority] = useState<Priority>('normal');
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ApiTicket | null>(null);
  const [moveTo, setMoveTo] = useState<string | undefined>();
  // A thunk over i18n.t (not the render's fixed t), so the sentence follows a later language switch.
  const [message, setMessage] = useState<(() => string) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hub = hubFor('manager');
  const serviceName = (code: string) => {
    const q = lobby.queues.find((x) => x.service === code);
    return q ? localName(q, i18n.language) : code;
  };
  // The found ticket as the live feed now has it (it moves while the manager looks at it).
  const live = found ? ((lobby.tickets[found.id] as ApiTicket | undefined) ?? found) : null;

  async function act<T>(fn: () => Promise<T>, done: (answer: T) => (() => string) | null) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const sentence = done(await fn());
      setMessage(() => sentence);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const issue = () =>
    act(
      () => hub.call(api.issueTicket, { body: { service: service ?? '', priority } }),
      ({ ticket }) => {
        setFound(ticket);
        return () => i18n.t('manager.issued', { number: ticket.number });
      },
    );
  const find = (value: string) =>
    value.trim() &&
    act(
      () => hub.call(api.findTicket, { query: { number: value.trim().toUpperCase() } }),
      ({ ticket }) => {
        setFound(ticket);
        return null;
      },
    );
  /** A move of the found ticket: the ticket as it now is, or (self-service) what was recorded. */
  const ticketAct = (request: (id: string) => Promise<{ ticket: ApiTicket } | { recorded: unknown }>, sentence: () => string) =>
    live &&
    act(
      () => request(live.id),
      (a) => {
        if ('ticket' in a) setFound(a.ticket);
        return sentence;
      },
    );

  const waiting = live?.status === 'waiting';
  return (
    <Card size="small" title={t('manager.triage')} data-testid="triage">
      <div className="triage-row">
        <Space.Compact className="issue-form" data-testid="issue-form">
          <Select size="large" value={service} onChange={setService} style={{ minWidth: 150 }} data-testid="issue-service" options={lobby.queues.map((q) => ({ value: q.service, label: `${q.prefix} ${localName(q, i18n.language)}` }))} />
          <Select size="large" value={priority} onChange={setPriority} style={{ minWidth: 120 }} data-testid="issue-priority" options={PRIORITIES.filter((p) => p !== 'appointment').map((p) => ({ value: p, label: t(`counter.priority.${p}`) }))} />
          <Button size="large" type="primary" disabled={busy || !service} onClick={() => void issue()} data-testid="issue-button">
            {t('manager.issue')}
          </Button>
        </Space.Compact>
        <Input.Search size="large" className="find-ticket" placeholder={t('manager.findPlaceholder')} enterButton={t('manager.find')} value={search} onChange={(e) => setSearch(e.target.value)} onSearch={(v) => void find(v)} data-testid="find-ticket" />
      </div>
      <ErrorLine message={error} />
      {message ? <p className="note" data-testid="triage-message">{message()}</p> : null}
      {live ? (
        <div className="found-ticket" data-testid="found-ticket" data-number={live.number}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
            <Descriptions.Item label={t('manager.number')}>
              <strong className="ticket-number">{live.number}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('lobby.service')}>{serviceName(live.service)}</Descriptions.Item>
            <Descriptions.Item label={t('lobby.status')}>
              {t(`counter.ticketStatus.${live.status}`)} {live.counter ? t('counter.counterN', { id: live.counter }) : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('manager.priority')}>
              <Tag color={live.priority === 'green' ? 'green' : live.priority === 'vip' ? 'gold' : undefined}>{t(`counter.priority.${live.priority}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('manager.issuedAt')}>{clockTime(live.issuedAt, i18n.language)}</Descriptions.Item>
            <Descriptions.Item label={t('lobby.estimate')}>{waiting ? `${t('manager.ahead', { count: live.ahead })} · ${estimateText(t, live.estimate, serviceName(live.service))}` : '—'}</Descriptions.Item>
          </Descriptions>
          <div className="triage-actions">
            <Space.Compact>
              <Select placeholder={t('manager.moveTo')} value={moveTo} onChange={setMoveTo} style={{ minWidth: 150 }} data-testid="move-service" options={lobby.queues.filter((q) => q.service !== live.service).map((q) => ({ value: q.service, label: `${q.prefix} ${localName(q, i18n.language)}` }))} />
              <Button disabled={busy || !moveTo || !['waiting', 'called', 'recalled', 'serving'].includes(live.status)} data-testid="move-button" onClick={() => void ticketAct((id) => hub.call(api.transfer, { params: { id }, body: { service: moveTo } }), () => i18n.t('manager.moved', { number: live.number, service: serviceName(moveTo ?? '') }))}>
                {t('manager.move')}
              </Button>
            </Space.Compact>
            <Button disabled={busy || !waiting || live.priority === 'green'} data-testid="green-button" onClick={() => void ticketAct((id) => hub.call(api.setPriority, { params: { id }, body: { priority: 'green' } }), () => i18n.t('manager.greened', { number: live.number }))}>
              {t('manager.greenChannel')}
            </Button>
            <Button disabled={busy || !waiting} data-testid="self-service-button" onClick={() => void ticketAct((id) => hub.call(api.selfServiceTriage, { body: { ticket: id } }), () => i18n.t('manager.sentToSelfService', { number: live.number }))}>
              {t('manager.selfService')}
            </Button>
            <Button danger disabled={busy || !['waiting', 'called', 'recalled'].includes(live.status)} data-testid="cancel-button" onClick={() => void ticketAct((id) => hub.call(api.cancel, { params: { id } }), () => i18n.t('manager.cancelled', { number: live.number }))}>
              {t('manager.cancelTicket')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="walk-in">
        <span className="hint">{t('manager.walkInHint')}</span>
        <Button size="small" disabled={busy || !service} data-testid="walk-in-button" onClick={() => void act(() => hub.call(api.selfServiceTriage, { body: { service } }), () => () => i18n.t('manager.walkInRecorded', { service: serviceName(service ?? '') }))}>
          {t('manager.walkInSelfService')}
        </Button>
      </div>
    </Card>
  );
}
