// The lobby manager's console: the whole lobby on one screen (queues with their trend,
// counters), the alert list, triage and window adjustment. Laid out for a 10-inch tablet
// (1280x800) in two columns and for a desktop; one column on narrower screens. A paired
// tablet with nobody signed in reads the lobby only and offers "sign in to act".
import { Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { arrangeAlerts } from '../../main/common/alert-order';
import type { Advice, InvitedTicket } from '../../main/common/advisor';
import { Gate } from '../auth/Gate';
import { useSession } from '../auth/use-session';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { useLobby } from '../live/use-lobby';
import { ScreenFrame } from '../ui/ScreenFrame';
import { StaffTheme } from '../ui/StaffTheme';
import { AlertList } from './AlertList';
import { AppointmentsPanel } from './AppointmentsPanel';
import { CountersPanel } from './CountersPanel';
import { DayPanel } from './DayPanel';
import { ElderlyPanel } from './ElderlyPanel';
import { FraudIntervention } from './FraudIntervention';
import { addPoints, type Trends } from './estimate-trend';
import { QueuesPanel } from './QueuesPanel';
import { ReadOnlyNote, TabletSignIn } from './TabletSignIn';
import { TriagePanel } from './TriagePanel';
import { UrgentBadge } from './UrgentBadge';
import { useAlerts } from './use-alerts';
import { useUrgentChime } from './use-urgent-chime';
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
  // A person signed in acts (and signs out); the paired tablet's own token only reads, and has
  // no sign-out, which would unpair it (a ?pair= link pairs it again).
  const canAct = Boolean(useSession('manager')?.staffId);
  const arranged = useMemo(() => arrangeAlerts(alerts), [alerts]);
  // The tickets the fraud watch flagged and nobody has acknowledged yet: offered on the intervention form.
  const fraudWatched = useMemo(() => alerts.filter((a) => a.kind === 'fraud_watch' && a.acknowledgedAt === null && a.ticket !== null).map((a) => a.ticket as string), [alerts]);
  const chime = useUrgentChime(arranged.open.filter((r) => r.tier === 'urgent').map((r) => r.lead.id));
  const [trends, setTrends] = useState<Trends>({});
  const [advice, setAdvice] = useState<{ advice: Advice | null; invited: InvitedTicket[] }>({ advice: null, invited: [] });
  const [adviceTick, setAdviceTick] = useState(0);
  const now = useNow(15_000);
  const seq = lobby?.seq ?? null;

  useEffect(() => {
    if (lobby) setTrends((tr) => addPoints(tr, lobby.queues, Date.now()));
  }, [lobby]);

  // The advisor's advice: computed by the hub on its own timer; read again on every change, on
  // the clock's tick (waits grow while nothing happens) and after a decision.
  useEffect(() => {
    if (seq === null) return;
    hubFor('manager')
      .call(api.advice)
      .then(setAdvice)
      .catch(() => setAdvice({ advice: null, invited: [] }));
  }, [seq, now, adviceTick]);

  const extra = (
    <>
      <UrgentBadge count={arranged.urgentCount} />
      {chime.blocked ? (
        <Button size="small" onClick={chime.unblock} data-testid="chime-on">
          {t('alerts.soundOn')}
        </Button>
      ) : null}
      <output data-testid="alert-chime" data-played={chime.played} hidden />
      {canAct ? null : <TabletSignIn />}
      <Link to="/records" className="records-link" data-testid="records-link">
        <Button ghost>{t('manager.records')}</Button>
      </Link>
    </>
  );
  return (
    <ScreenFrame screen="manager" connection={connection} lobby={lobby} canSignOut={canAct} extra={extra}>
      {!lobby ? (
        <p className="hint">{t('common.loading')}</p>
      ) : (
        <div className="manager-console" data-testid="manager-console">
          <div className="manager-main">
            <DayPanel lobby={lobby} now={now} readOnly={!canAct} />
            {canAct ? <TriagePanel lobby={lobby} /> : <ReadOnlyNote />}
            {/* The hub gives the older customers' list to signed-in staff only, not to a paired tablet. */}
            {canAct ? <ElderlyPanel lobby={lobby} /> : null}
            {canAct ? <FraudIntervention watched={fraudWatched} /> : null}
            <QueuesPanel queues={lobby.queues} trends={trends} now={now} dayClosed={lobby.day?.status === 'closed'} />
            <CountersPanel lobby={lobby} advice={advice.advice} invited={advice.invited} onDecided={() => setAdviceTick((n) => n + 1)} now={now} canAct={canAct} />
            {canAct && <AppointmentsPanel lobby={lobby} />}
          </div>
          <aside className="manager-side" id="alerts">
            <AlertList arranged={arranged} lobby={lobby} canAct={canAct} onAcknowledge={acknowledge} onReprint={reprint} />
          </aside>
        </div>
      )}
    </ScreenFrame>
  );
}
