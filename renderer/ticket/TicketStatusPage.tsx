// /t/<ticket id>: the ticket's status on the customer's phone, polled every 5 s (a phone on
// the lobby Wi-Fi should not hold a live-feed socket, and the feed is for tokens only).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import { useParams } from 'react-router-dom';
import { ApiError } from '../hub-client';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { estimateText } from '../ui/format';
import { fetchPublicTicket, type PublicTicket } from './public-ticket';

const POLL_MS = 5000;

export function TicketStatusPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const [ticket, setTicket] = useState<PublicTicket | null>(null);
  const [error, setError] = useState<string | null>(null);

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
      <main className="screen-body ticket-page" data-testid="ticket-page">
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
            <p className="hint">{t('ticket.refreshed')}</p>
          </>
        ) : null}
      </main>
    </div>
  );
}
