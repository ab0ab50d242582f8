// The counters at a glance: status, who is there, whom they serve and since when.
import { useTranslation } from 'react-i18next';
import type { ApiCounter } from '../../main/common/api';
import { ticketByRef, type LobbyView } from '../live/lobby-state';
import { clockTime } from './format';
import { counterName } from './counter-name';

export function CounterTable({ counters, tickets }: { counters: ApiCounter[]; tickets: LobbyView['tickets'] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="data-table" data-testid="counter-table">
      <caption>{t('lobby.counters')}</caption>
      <thead>
        <tr>
          <th>{t('lobby.counter')}</th>
          <th>{t('lobby.status')}</th>
          <th>{t('lobby.staff')}</th>
          <th>{t('lobby.currentTicket')}</th>
          <th>{t('lobby.since')}</th>
        </tr>
      </thead>
      <tbody>
        {counters.map((c) => (
          <tr key={c.id} data-counter={c.id}>
            <td>{counterName(t, c.id, c.label)}</td>
            <td>
              <span className={`status status-${c.status}`}>{t(`counter.status.${c.status}`)}</span>
            </td>
            <td>{c.staffId ?? '—'}</td>
            <td className="ticket-number">{ticketByRef(tickets, c.currentTicket)?.number ?? c.currentTicket ?? '—'}</td>
            <td>{clockTime(c.since, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
