// The kiosk's start: the branch's 4–6 big choices in plain words, each with the people
// waiting and the estimate for a new ticket before the tap; below them the smaller ways in:
// self-service, VIP and appointment check-in, older customers (ID card), the green channel.
import { useTranslation } from 'react-i18next';
import type { ApiQueue } from '../../main/common/api';
import type { KioskChoice } from '../../main/common/kiosk';
import type { LobbyView } from '../live/lobby-state';
import { estimateText, localName } from '../ui/format';

interface Props {
  lobby: LobbyView;
  choices: KioskChoice[];
  busy: boolean;
  onChoice: (c: KioskChoice) => void;
  onVip: () => void;
  onAppointment: () => void;
  onGreen: () => void;
  /** 老年人 · 刷身份证: the older customers' flow, for a customer without a reader's habit or staff beside them. */
  onElderly: () => void;
}

export function KioskHome({ lobby, choices, busy, onChoice, onVip, onAppointment, onGreen, onElderly }: Props) {
  const { t, i18n } = useTranslation();
  const closed = lobby.day?.status === 'closed';
  const counterChoices = choices.filter((c) => !c.selfService);
  const selfChoices = choices.filter((c) => c.selfService);
  const firstOfService = new Set(counterChoices.filter((c, i) => c.service !== null && counterChoices.findIndex((d) => d.service === c.service) === i).map((c) => c.id));
  return (
    <div className="kiosk-home" data-testid="kiosk-home">
      <h2 className="kiosk-welcome">{closed ? t('kioskHome.closed') : t('kioskHome.welcome')}</h2>
      <div className="choice-grid" data-count={counterChoices.length}>
        {counterChoices.map((c) => (
          <ChoiceTile key={c.id} choice={c} first={firstOfService.has(c.id)} queue={lobby.queues.find((q) => q.service === c.service)} disabled={busy || (closed && c.service !== null)} onTap={onChoice} />
        ))}
      </div>
      <div className="kiosk-more">
        {selfChoices.map((c) => (
          <button key={c.id} type="button" className="more-button self" data-choice={c.id} disabled={busy} onClick={() => onChoice(c)}>
            <span className="more-name">{localName(c, i18n.language)}</span>
            <span className="more-meta">{t('kioskHome.selfServiceTag')}</span>
          </button>
        ))}
        <button type="button" className="more-button vip" data-testid="vip-check-in" disabled={busy || closed} onClick={onVip}>
          <span className="more-name">{t('kioskHome.vip')}</span>
          <span className="more-meta">{t('kioskHome.vipHint')}</span>
        </button>
        <button type="button" className="more-button" data-testid="appointment-check-in" disabled={busy || closed} onClick={onAppointment}>
          <span className="more-name">{t('kioskHome.appointment')}</span>
        </button>
        <button type="button" className="more-button elderly" data-testid="elderly-entry" disabled={busy || closed} onClick={onElderly}>
          <span className="more-name">{t('elderly.entry')}</span>
          <span className="more-meta">{t('elderly.entryHint')}</span>
        </button>
        <button type="button" className="more-button green" data-testid="green-channel" disabled={busy} onClick={onGreen}>
          <span className="more-name">{t('kioskHome.green')}</span>
        </button>
      </div>
    </div>
  );
}

function ChoiceTile({ choice, first, queue, disabled, onTap }: { choice: KioskChoice; first: boolean; queue: ApiQueue | undefined; disabled: boolean; onTap: (c: KioskChoice) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="service-button choice-tile"
      data-choice={choice.id}
      // The first choice of each service carries its code too (the lobby e2e taps [data-service=cash];
      // the demo's 大额取款 is a second cash choice, which must not make that ambiguous).
      data-service={first ? (choice.service ?? undefined) : undefined}
      disabled={disabled}
      onClick={() => onTap(choice)}
    >
      <span className="service-name">{localName(choice, i18n.language)}</span>
      {queue ? (
        <span className="service-meta">
          <span className="choice-queue">
            {queue.prefix}
            {/* A choice named as its queue (a new branch's default choices) would say the name twice. */}
            {localName(queue, i18n.language) === localName(choice, i18n.language) ? null : ` · ${localName(queue, i18n.language)}`}
          </span>
          {/* The estimate's minutes ride along (the tile shows only the range), so a test can hold the range to it. */}
          <span className="choice-wait" data-minutes={queue.estimate.minutes} data-closed={queue.estimate.closed ? 'true' : undefined}>
            {t('common.waitingCount', { count: queue.waiting })} · {estimateText(t, queue.estimate, localName(queue, i18n.language))}
          </span>
        </span>
      ) : (
        <span className="service-meta">{t('kioskHome.askManager')}</span>
      )}
    </button>
  );
}
