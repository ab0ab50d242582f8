// The lobby manager's console: the whole lobby on one screen (queues with their trend,
// counters), the alert list, triage and window adjustment. Laid out for a 10-inch tablet
// (1280x800) in two columns and for a desktop; one column on narrower screens.
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WindowSuggestion } from '../../main/common/triage';
import { Gate } from '../auth/Gate';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { useLobby } from '../live/use-lobby';
import { ScreenFrame } from '../ui/ScreenFrame';
import { StaffTheme } from '../ui/StaffTheme';
import { AlertList } from './AlertList';
import { CountersPanel } from './CountersPanel';
import { addPoints, type Trends } from './estimate-trend';
import { QueuesPanel } from './QueuesPanel';
import { TriagePanel } from './TriagePanel';
import { useAlerts } from './use-alerts';
import './manager.css';

export function ManagerScreen() {
  return (
    <StaffTheme>
      <Gate screen="manager" staffRoles={['manager']} pairable>
        <Manager />
      </Gate>
    </StaffTheme>
  );
}

function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function Manager() {
  const { t } = useTranslation();
  const { lobby, connection, alertsHeld } = useLobby('manager');
  const { alerts, acknowledge, reprint } = useAlerts(lobby?.seq ?? null, alertsHeld);
  const [trends, setTrends] = useState<Trends>({});
  const [suggestions, setSuggestions] = useState<WindowSuggestion[]>([]);
  const now = useNow(15_000);
  const seq = lobby?.seq ?? null;

  useEffect(() => {
    if (lobby) setTrends((tr) => addPoints(tr, lobby.queues, Date.now()));
  }, [lobby]);

  useEffect(() => {
    if (seq === null) return;
    hubFor('manager')
      .call(api.windowSuggestions)
      .then((a) => setSuggestions(a.suggestions))
      .catch(() => setSuggestions([]));
  }, [seq]);

  const records = (
    <Link to="/records" className="records-link" data-testid="records-link">
      <Button ghost>{t('manager.records')}</Button>
    </Link>
  );
  return (
    <ScreenFrame screen="manager" connection={connection} lobby={lobby} canSignOut extra={records}>
      {!lobby ? (
        <p className="hint">{t('common.loading')}</p>
      ) : (
        <div className="manager-console" data-testid="manager-console">
          <div className="manager-main">
            <TriagePanel lobby={lobby} />
            <QueuesPanel queues={lobby.queues} trends={trends} now={now} />
            <CountersPanel lobby={lobby} suggestions={suggestions} now={now} />
          </div>
          <aside className="manager-side">
            <AlertList alerts={alerts} lobby={lobby} onAcknowledge={acknowledge} onReprint={reprint} />
          </aside>
        </div>
      )}
    </ScreenFrame>
  );
}
