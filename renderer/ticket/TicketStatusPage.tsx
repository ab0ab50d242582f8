// /t/<ticket id>: the ticket's status on the customer's phone, polled every 5 s (a phone on
// the lobby Wi-Fi should not hold a live-feed socket, and the feed is for tokens only). The
// same reads drive the near-your-turn reminder (near-turn.ts): on, it beeps, vibrates and
// notifies when 3 are ahead and again when the ticket is called, and shows a banner.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import { useParams } from 'react-router-dom';
import { ApiError } from '../hub-client';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { estimateText } from '../ui/format';
import { fetchPublicTicket, type PublicTicket } from './public-ticket';
import { NEAR_TURN_AHEAD } from '../../main/common/near-turn';
import { prepareReminder, remind, reminderLog, reminderMoment, type ReminderMoment } from './near-turn';

const POLL_MS = 5000;

export function TicketStatusPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remindKey = `atrium.remind.${id}`;
  const [remindOn, setRemindOn] = useState(() => localStorage.getItem(remindKey) === 'on');
  const [banner, setBanner] = useState<ReminderMoment | null>(null);
  const [fired, setFired] = useState(0);
  const done = useRef(new Set<ReminderMoment>());

  useEffect(() => {
    let alive = true;
    async function load() {
      try {
        const tk = await fetchPublicTicket(id);
        if (!alive) return;
        setTicket(tk);
        setError(null);
      } catch (e) {
        if (alive) setError(e instanceof ApiError && e.status === 404 ? t('ticket.notFound') : errorText(e));
      }
    }
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [id, t, errorText]);

  // Each moment reminds once; a ticket called before it was ever "near" skips the near one.
  useEffect(() => {
    if (!ticket || !remindOn) return;
    const moment = reminderMoment(ticket.status, ticket.ahead);
    if (!moment || done.current.has(moment)) return;
    done.current.add(moment);
    if (moment === 'called') done.current.add('near');
    setBanner(moment);
    remind(
      t('nearTurn.notifyTitle', { number: ticket.number }),
      moment === 'called' ? t('nearTurn.notifyCalled', { counter: ticket.counter }) : t('nearTurn.notifyNear', { ahead: ticket.ahead }),
    );
    setFired(reminderLog().fired);
  }, [ticket, remindOn, t]);

  function toggleReminder() {
    const on = !remindOn;
    if (on) prepareReminder();
    localStorage.setItem(remindKey, on ? 'on' : 'off');
    setRemindOn(on);
  }

  const called = ticket && (ticket.status === 'called' || ticket.status === 'recalled') && ticket.counter;
  // The public route may not carry names; a bare service code means nothing to a customer.
  const serviceName = ticket ? (i18n.language.startsWith('zh') ? ticket.serviceNameZh : ticket.serviceNameEn) : undefined;
  return (
    <div className="screen screen-ticket">
      <header className="screen-header">
        <h1>{t('ticket.title')}</h1>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      <main className="screen-body ticket-page" data-testid="ticket-page" data-reminder={remindOn ? 'on' : 'off'} data-reminder-fired={fired}>
        {banner && ticket ? (
          <div className={`reminder-banner reminder-${banner}`} role="alert" data-testid="reminder-banner" data-moment={banner}>
            <p className="reminder-banner-text">
              {banner === 'called'
                ? t('nearTurn.bannerCalled', { counter: ticket.counter })
                : ticket.ahead === 0
                  ? t('nearTurn.bannerNearZero')
                  : t('nearTurn.bannerNear', { ahead: ticket.ahead })}
            </p>
            <p className="reminder-banner-hint">{t('nearTurn.bannerHint')}</p>
            <button type="button" className="big" onClick={() => setBanner(null)}>
              {t('nearTurn.ok')}
            </button>
          </div>
        ) : null}
        {error ? <p className="error-line">{error}</p> : null}
        {!ticket && !error ? <p className="hint">{t('common.loading')}</p> : null}
        {ticket ? (
          <>
            {serviceName ? <p className="ticket-service">{serviceName}</p> : null}
            <p className="ticket-big-number">{ticket.number}</p>
            <p className="ticket-state">{t(`counter.ticketStatus.${ticket.status}`)}</p>
            {called ? <p className="ticket-called">{t('ticket.calledTo', { counter: ticket.counter })}</p> : null}
            {ticket.status === 'waiting' ? (
              <>
                <p className="ticket-ahead">{t('kiosk.ahead', { count: ticket.ahead })}</p>
                {/* A service nobody serves now: when it opens, not a number (estimateText says it). */}
                <p className="ticket-estimate" data-closed={ticket.estimate?.closed ? 'true' : undefined}>
                  {ticket.estimate?.closed ? estimateText(t, ticket.estimate, serviceName) : t('kiosk.estimate', { range: estimateText(t, ticket.estimate) })}
                </p>
              </>
            ) : null}
            {ticket.status === 'waiting' || remindOn ? (
              <div className="reminder-toggle" data-testid="reminder-toggle">
                {remindOn ? (
                  <>
                    <p className="reminder-on">{t('nearTurn.on', { count: NEAR_TURN_AHEAD })}</p>
                    <p className="hint">{t('nearTurn.onHint')}</p>
                    <button type="button" className="reminder-off" data-testid="reminder-off" onClick={toggleReminder}>
                      {t('nearTurn.turnOff')}
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" className="primary big reminder-on-button" data-testid="reminder-on" onClick={toggleReminder}>
                      {t('nearTurn.turnOn', { count: NEAR_TURN_AHEAD })}
                    </button>
                    <p className="hint">{t('nearTurn.turnOnHint')}</p>
                  </>
                )}
              </div>
            ) : null}
            <p className="hint">{t('ticket.refreshed')}</p>
          </>
        ) : null}
      </main>
    </div>
  );
}
