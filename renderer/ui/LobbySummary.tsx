// The lobby summary shared by the manager, supervisor and admin screens.
import { useTranslation } from 'react-i18next';
import type { LobbyView } from '../live/lobby-state';
import { CounterTable } from './CounterTable';
import { QueueTable } from './QueueTable';

export function LobbySummary({ lobby }: { lobby: LobbyView | null }) {
  const { t } = useTranslation();
  if (!lobby) return <p className="hint">{t('common.loading')}</p>;
  const day = lobby.day;
  return (
    <div className="lobby-summary">
      <p className="day-line">
        {day ? t(day.status === 'open' ? 'lobby.dayOpen' : 'lobby.dayClosed', { date: day.date }) : t('lobby.noDay')}
      </p>
      <div className="tables">
        <QueueTable queues={lobby.queues} />
        <CounterTable counters={lobby.counters} tickets={lobby.tickets} />
      </div>
    </div>
  );
}
