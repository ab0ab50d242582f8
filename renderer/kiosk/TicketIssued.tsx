// The issued ticket, very large, with people ahead and the estimate; back home after 20 s
// so the next customer finds the kiosk ready.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiQueue, ApiTicket } from '../../main/common/api';
import { estimateText, localName } from '../ui/format';
import type { CheckInKind } from './CheckIn';
import { PrintStatus } from './PrintStatus';
import { VoicePrompt } from './VoicePrompt';
import { NEAR_TURN_AHEAD } from '../../main/common/near-turn';

export const RETURN_AFTER_SECONDS = 20;

interface Props {
  ticket: ApiTicket;
  queues: ApiQueue[];
  /** Set when the ticket came from a check-in: a greeting instead of a name (a shared screen). */
  checkedIn?: CheckInKind | 'elderly' | null;
  /** The ticket ends the older customers' flow: its last voice prompt. */
  elderlyFlow?: boolean;
  onDone: () => void;
}

export function TicketIssued({ ticket, queues, checkedIn = null, elderlyFlow = false, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [left, setLeft] = useState(RETURN_AFTER_SECONDS);
  // The parent re-renders on every feed event; a ref keeps the 20 s timer from restarting.
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = RETURN_AFTER_SECONDS - Math.floor((Date.now() - started) / 1000);
      if (remaining <= 0) done.current();
      else setLeft(remaining);
    }, 250);
    return () => clearInterval(timer);
  }, []);

  const queue = queues.find((q) => q.service === ticket.service);
  return (
    <div className="kiosk-ticket" data-testid="issued-ticket" data-ticket-id={ticket.id} data-priority={ticket.priority}>
      <div className="kiosk-ticket-main">
        {checkedIn === 'vip' ? <p className="kiosk-greeting">{t('checkIn.welcomeVip')}</p> : null}
        {checkedIn === 'appointment' ? <p className="kiosk-greeting">{t('checkIn.appointmentOk')}</p> : null}
        {checkedIn === 'elderly' ? <p className="kiosk-greeting elderly-greeting">{t('elderly.welcome')}</p> : null}
        {elderlyFlow ? <VoicePrompt step="ticket" /> : null}
        {queue ? <p className="kiosk-ticket-service">{localName(queue, i18n.language)}</p> : null}
        <p className="kiosk-ticket-label">{t('kiosk.yourNumber')}</p>
        <p className="kiosk-ticket-number" data-testid="ticket-number">
          {ticket.number}
        </p>
        <p className="kiosk-ticket-ahead">{t('kiosk.ahead', { count: ticket.ahead })}</p>
        {ticket.estimate ? (
          // A service nobody serves now: when it opens, not a number (estimateText says it).
          <p className="kiosk-ticket-estimate" data-closed={ticket.estimate.closed ? 'true' : undefined}>
            {ticket.estimate.closed
              ? estimateText(t, ticket.estimate, queue ? localName(queue, i18n.language) : undefined)
              : t('kiosk.estimate', { range: estimateText(t, ticket.estimate) })}
          </p>
        ) : null}
        <p className="kiosk-ticket-wait">{t('kioskHome.pleaseWait')}</p>
        {/* The ticket's QR code opens its phone page, which can remind the customer (issue 17.3). */}
        <p className="kiosk-ticket-remind" data-testid="kiosk-remind-line">{t('nearTurn.kioskLine', { count: NEAR_TURN_AHEAD })}</p>
      </div>
      {/* Beside the number on a landscape kiosk, below it on a portrait one. */}
      <div className="kiosk-ticket-side">
        <PrintStatus ticketId={ticket.id} />
        <button type="button" className="primary big" data-testid="kiosk-done" onClick={onDone}>
          {t('kiosk.done')}
        </button>
        <p className="hint">{t('kiosk.returning', { seconds: left })}</p>
      </div>
    </div>
  );
}
