// The ticket kiosk: a few big choices (选择题, not 问答题), then the number, very large. Every
// other way in (self-service, check-in, green channel) is one tap from the start, and every
// screen goes back to the start by itself, in Chinese and normal text, for the next customer.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTicket } from '../../main/common/api';
import type { KioskChoice } from '../../main/common/kiosk';
import { Gate } from '../auth/Gate';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { setLanguage } from '../i18n/index';
import { useLobby } from '../live/use-lobby';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { localName } from '../ui/format';
import { ScreenFrame } from '../ui/ScreenFrame';
import { AskManager } from './AskManager';
import { CheckIn, type CheckInKind } from './CheckIn';
import { GreenChannel } from './GreenChannel';
import { KioskHome } from './KioskHome';
import { SelfService } from './SelfService';
import { StaffExit } from './StaffExit';
import { StaffGesture } from './staff-gesture';
import { TicketIssued } from './TicketIssued';
import { useCardSwipe } from './use-card-swipe';
import { useIdle } from './use-idle';
import { useKioskConfig } from './use-kiosk-config';
import './kiosk.css';

/** Decision: 45 s without a touch ends a customer's visit (the ticket screen ends after 20 s). */
export const IDLE_SECONDS = 45;

type View =
  | { kind: 'home' }
  | { kind: 'ticket'; ticket: ApiTicket; checkedIn: CheckInKind | null }
  | { kind: 'self'; choice: KioskChoice }
  | { kind: 'ask'; choice: KioskChoice }
  | { kind: 'green' }
  | { kind: 'checkIn'; checkIn: CheckInKind };

export function KioskScreen() {
  return (
    <Gate screen="kiosk" staffRoles={[]} pairable>
      <Kiosk />
    </Gate>
  );
}

function Kiosk() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { lobby, connection } = useLobby('kiosk');
  const choices = useKioskConfig((lobby?.queues ?? []).map((q) => q.service).join(','));
  const [view, setView] = useState<View>({ kind: 'home' });
  const [largeText, setLargeText] = useState(false);
  const [busy, setBusy] = useState(false);
  // The failure itself, not its sentence: switching language re-words it.
  const [failure, setFailure] = useState<unknown>(null);
  const [staffPrompt, setStaffPrompt] = useState(false);
  const gesture = useRef(new StaffGesture());

  const home = useCallback(() => {
    setView({ kind: 'home' });
    setFailure(null);
  }, []);
  // The next customer starts afresh: Chinese, normal text, the start screen.
  const nextCustomer = useCallback(() => {
    home();
    setLargeText(false);
    setLanguage('zh-CN');
  }, [home]);
  useIdle(IDLE_SECONDS, nextCustomer, !staffPrompt);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  function choose(choice: KioskChoice) {
    if (choice.selfService) return setView({ kind: 'self', choice });
    if (!choice.service) return setView({ kind: 'ask', choice });
    const service = choice.service;
    void run(async () => {
      const answer = await hubFor('kiosk').call(api.issueTicket, { body: { service } });
      setView({ kind: 'ticket', ticket: answer.ticket, checkedIn: null });
    });
  }

  const onCard = (card: string) =>
    void run(async () => {
      const answer = await hubFor('kiosk').call(api.vipCheckIn, { body: { card } });
      setView({ kind: 'ticket', ticket: answer.ticket, checkedIn: 'vip' });
    });
  // A card works from the start screen and the VIP screen; not over a ticket being shown.
  useCardSwipe(onCard, !busy && !staffPrompt && (view.kind === 'home' || view.kind === 'checkIn'));

  const body = (() => {
    switch (view.kind) {
      case 'ticket':
        return <TicketIssued ticket={view.ticket} queues={lobby?.queues ?? []} checkedIn={view.checkedIn} onDone={nextCustomer} />;
      case 'self':
        return <SelfService choice={view.choice} onBack={home} />;
      case 'ask':
        return <AskManager choice={view.choice} onBack={home} />;
      case 'green':
        return <GreenChannel onBack={home} />;
      case 'checkIn':
        return <CheckIn kind={view.checkIn} onBack={home} onTicket={(ticket, kind) => setView({ kind: 'ticket', ticket, checkedIn: kind })} />;
      case 'home':
        if (!lobby || !choices) return <p className="hint">{t('common.loading')}</p>;
        return (
          <KioskHome
            lobby={lobby}
            choices={choices}
            busy={busy}
            onChoice={choose}
            onVip={() => setView({ kind: 'checkIn', checkIn: 'vip' })}
            onAppointment={() => setView({ kind: 'checkIn', checkIn: 'appointment' })}
            onGreen={() => setView({ kind: 'green' })}
          />
        );
    }
  })();

  const textToggle = (
    <button type="button" className={`text-size-toggle ${largeText ? 'active' : ''}`} aria-pressed={largeText} data-testid="large-text" onClick={() => setLargeText((on) => !on)}>
      {largeText ? t('kioskHome.normalText') : t('kioskHome.largeText')}
    </button>
  );
  return (
    // Customers see the branch's name, not the device's role.
    <div className={`kiosk-root ${largeText ? 'kiosk-large' : ''}`} data-view={view.kind}>
      <ScreenFrame screen="kiosk" connection={connection} lobby={lobby} title={lobby ? localName(lobby.branch, i18n.language) : undefined} extra={textToggle}>
        {body}
        {busy && view.kind === 'home' ? <p className="hint kiosk-busy">{t('kiosk.issuing')}</p> : null}
        <ErrorLine message={failure === null ? null : errorText(failure)} />
      </ScreenFrame>
      {/* The hidden staff corner: five taps within three seconds open the PIN prompt (bottom-left, away from every button). */}
      <button type="button" className="staff-corner" aria-hidden="true" tabIndex={-1} data-testid="staff-corner" onClick={() => gesture.current.tap(performance.now()) && setStaffPrompt(true)} />
      {staffPrompt ? <StaffExit onClose={() => setStaffPrompt(false)} /> : null}
    </div>
  );
}
