// The ticket kiosk: a few big choices (选择题, not 问答题), then the number, very large. Every
// other way in (self-service, check-in, green channel) is one tap from the start, and every
// screen goes back to the start by itself, in Chinese and normal text, for the next customer.
// Older customers start their own flow with an ID card (ElderlyFlow.tsx); a choice the admin
// marked asks the anti-fraud question first (FraudPrompt.tsx).
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTicket } from '../../main/common/api';
import type { KioskChoice } from '../../main/common/kiosk';
import { Gate } from '../auth/Gate';
import { api } from '../../main/common/routes/index';
import { ApiError, hubFor } from '../hub-client';
import { setLanguage } from '../i18n/index';
import { useLobby } from '../live/use-lobby';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { localName } from '../ui/format';
import { ScreenFrame } from '../ui/ScreenFrame';
import { AskManager } from './AskManager';
import type { Swipe } from './card-swipe';
import { CheckIn, type CheckInKind } from './CheckIn';
import { hasFraudPrompt, helpChoice } from './elderly-flow';
import { ElderlyFlow } from './ElderlyFlow';
import { FraudPrompt } from './FraudPrompt';
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
  /** `elderlyFlow`: the ticket ends the older customers' flow (its voice prompt). */
  | { kind: 'ticket'; ticket: ApiTicket; checkedIn: CheckInKind | 'elderly' | null; elderlyFlow?: boolean }
  | { kind: 'self'; choice: KioskChoice }
  | { kind: 'ask'; choice: KioskChoice }
  | { kind: 'green' }
  | { kind: 'checkIn'; checkIn: CheckInKind }
  /** The older customers' flow: `idNumber` null until a valid ID card is read (never shown). */
  | { kind: 'elderly'; idNumber: string | null; invalid: boolean }
  /** The anti-fraud question before a ticket; `idNumber` when it came from the older customers' flow. */
  | { kind: 'fraud'; choice: KioskChoice; idNumber: string | null };

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

  /** The ticket for a choice with a service: by the ID card when the older customers' flow read one. */
  function issue(choice: KioskChoice, idNumber: string | null) {
    const service = choice.service;
    if (!service) return;
    void run(async () => {
      const kiosk = hubFor('kiosk');
      if (idNumber === null) {
        // The choice is recorded on the ticket (reports, the fraud watch).
        const answer = await kiosk.call(api.issueTicket, { body: { service, choice: choice.id } });
        return setView({ kind: 'ticket', ticket: answer.ticket, checkedIn: null });
      }
      try {
        const answer = await kiosk.call(api.idCardCheckIn, { body: { idNumber, service, choice: choice.id } });
        setView({ kind: 'ticket', ticket: answer.ticket, checkedIn: answer.elderly ? 'elderly' : null, elderlyFlow: true });
      } catch (e) {
        // The hub found the number wrong after all: back to the card, in plain words.
        if (e instanceof ApiError && e.code === 'invalid_id_number') return setView({ kind: 'elderly', idNumber: null, invalid: true });
        throw e;
      }
    });
  }

  function choose(choice: KioskChoice, idNumber: string | null = null) {
    if (choice.selfService) return setView({ kind: 'self', choice });
    if (!choice.service) return setView({ kind: 'ask', choice });
    if (hasFraudPrompt(choice)) return setView({ kind: 'fraud', choice, idNumber });
    issue(choice, idNumber);
  }

  // 请大堂经理帮我: the kiosk's help alert, naming the choice the customer is on if any.
  function askForHelp(current: KioskChoice | null) {
    const choice = helpChoice(choices ?? [], current);
    if (choice) setView({ kind: 'ask', choice });
  }

  // Back to the start, in the language the customer chose; normal text again.
  function leaveElderly() {
    home();
    setLargeText(false);
  }

  function startElderly(invalid = false) {
    setLargeText(true);
    setFailure(null);
    setView({ kind: 'elderly', idNumber: null, invalid });
  }

  const onSwipe = (swipe: Swipe) => {
    if (swipe.kind === 'idCard') {
      if (!swipe.valid) return startElderly(true);
      setLargeText(true);
      setFailure(null);
      return setView({ kind: 'elderly', idNumber: swipe.number, invalid: false });
    }
    // Waiting for an ID card, 18 digits that are no valid ID number are a bad read, not a VIP card.
    if (view.kind === 'elderly' && swipe.number.length === 18) return startElderly(true);
    const card = swipe.number;
    void run(async () => {
      const answer = await hubFor('kiosk').call(api.vipCheckIn, { body: { card } });
      setView({ kind: 'ticket', ticket: answer.ticket, checkedIn: 'vip' });
    });
  };
  // A card works from the start screen, the VIP screen and the older customers' flow; not over a ticket being shown.
  useCardSwipe(onSwipe, !busy && !staffPrompt && (view.kind === 'home' || view.kind === 'checkIn' || view.kind === 'elderly'));

  const body = (() => {
    switch (view.kind) {
      case 'ticket':
        return <TicketIssued ticket={view.ticket} queues={lobby?.queues ?? []} checkedIn={view.checkedIn} elderlyFlow={view.elderlyFlow} onDone={nextCustomer} />;
      case 'self':
        return <SelfService choice={view.choice} onBack={home} />;
      case 'ask':
        return <AskManager choice={view.choice} onBack={home} />;
      case 'green':
        return <GreenChannel onBack={home} />;
      case 'checkIn':
        return <CheckIn kind={view.checkIn} onBack={home} onTicket={(ticket, kind) => setView({ kind: 'ticket', ticket, checkedIn: kind })} />;
      case 'elderly':
        return (
          <ElderlyFlow
            choices={choices ?? []}
            queues={lobby?.queues ?? []}
            idRead={view.idNumber !== null}
            invalid={view.invalid}
            busy={busy}
            onChoice={(c) => choose(c, view.idNumber)}
            onHelp={() => askForHelp(null)}
            onBack={leaveElderly}
          />
        );
      case 'fraud': {
        const { choice, idNumber } = view;
        return <FraudPrompt choice={choice} busy={busy} onGoOn={() => issue(choice, idNumber)} onHelp={() => askForHelp(choice)} />;
      }
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
            onElderly={() => startElderly()}
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
        {busy && (view.kind === 'home' || view.kind === 'elderly' || view.kind === 'fraud') ? <p className="hint kiosk-busy">{t('kiosk.issuing')}</p> : null}
        <ErrorLine message={failure === null ? null : errorText(failure)} />
      </ScreenFrame>
      {/* The hidden staff corner: five taps within three seconds open the PIN prompt (bottom-left, away from every button). */}
      <button type="button" className="staff-corner" aria-hidden="true" tabIndex={-1} data-testid="staff-corner" onClick={() => gesture.current.tap(performance.now()) && setStaffPrompt(true)} />
      {staffPrompt ? <StaffExit onClose={() => setStaffPrompt(false)} /> : null}
    </div>
  );
}
