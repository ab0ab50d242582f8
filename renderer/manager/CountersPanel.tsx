// Per counter: its state, who is there, the ticket it serves and since when, a pause's reason
// and length; the services it serves, changeable, with a suggestion when a queue is far longer.
// Read-only on a paired tablet (`canAct` false): the suggestion without its button, no "change".
import { Alert, Button, Card, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCounter } from '../../main/common/api';
import type { WindowSuggestion } from '../../main/common/triage';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ticketByRef, type LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime, localName } from '../ui/format';
import { counterName } from '../ui/counter-name';

const STATUS_COLOR = { open: 'green', paused: 'orange', closed: 'default' } as const;

export function CountersPanel({ lobby, suggestions, now, canAct }: { lobby: LobbyView; suggestions: WindowSuggestion[]; now: number; canAct: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<ApiCounter | null>(null);
  const [services, setServices] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
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

  return (
    <Card size="small" title={t('lobby.counters')} data-testid="counter-table">
      {suggestions.map((s) => (
        <Alert
          key={s.counter}
          className="window-suggestion"
          data-testid="window-suggestion"
          type="info"
          showIcon
          title={t('manager.suggestion', { counter: s.counter, long: name(s.longService), longWaiting: s.longWaiting, short: name(s.shortService), shortWaiting: s.shortWaiting })}
          action={
            canAct ? (
              <Button size="small" type="primary" onClick={() => void save(s.counter, s.to)}>
                {t('manager.applySuggestion')}
              </Button>
            ) : null
          }
        />
      ))}
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
