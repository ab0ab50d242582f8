// One counter at work: its status, the current ticket large, the five actions, its queues.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import type { ApiCounter, ApiTicket } from '../../main/common/api';
import { useSession } from '../auth/use-session';
import { hubFor } from '../hub-client';
import { ticketByRef, type LobbyState } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { localName } from '../ui/format';
import { ACTIONS, type ActionDef } from './actions';
import { useShortcuts } from './use-shortcuts';

interface Props {
  lobby: LobbyState;
  counter: ApiCounter;
  onChange: () => void;
}

export function CounterDesk({ lobby, counter, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = useSession('counter');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const mine = counter.status === 'open' && counter.staffId === session?.staffId;
  const current = ticketByRef(lobby.tickets, counter.currentTicket) as ApiTicket | undefined;
  const status = current?.status ?? null;

  async function post(path: string, after?: (answer: { ticket?: ApiTicket } | null) => void) {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const answer = await hubFor('counter').post<{ ticket?: ApiTicket }>(path);
      after?.(answer);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function run(a: ActionDef) {
    if (!mine || busy || !a.enabled(status)) return;
    const path = a.path(counter.id, current?.id ?? null);
    if (!path) return;
    // call-next answers 204 when nobody waits: say so rather than doing nothing.
    void post(path, a.action === 'callNext' ? (ans) => ans === null && setNote(t('counter.nobodyWaiting')) : undefined);
  }

  useShortcuts(run);

  const served = counter.services
    .map((s) => lobby.queues.find((q) => q.service === s))
    .filter((q) => q !== undefined);

  return (
    <div className="counter-desk" data-testid="counter-desk" data-counter={counter.id}>
      <div className="counter-head">
        <h2>{t('counter.counterN', { id: counter.id })}</h2>
        <span className={`status status-${counter.status}`}>{t(`counter.status.${counter.status}`)}</span>
        {counter.staffId ? <span className="hint">{counter.staffId}</span> : null}
        <span className="spacer" />
        {!mine ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void post(`/api/counters/${encodeURIComponent(counter.id)}/open`)}>
            {t('counter.open')}
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onChange}>
          {t('counter.change')}
        </button>
      </div>

      <section className="current-ticket">
        <p className="label">{t('counter.current')}</p>
        <p className="current-number" data-testid="current-ticket">
          {current?.number ?? t('counter.none')}
        </p>
        {current ? <p className="current-status">{t(`counter.ticketStatus.${current.status}`)}</p> : null}
      </section>

      <div className="action-row">
        {ACTIONS.map((a) => (
          <button
            key={a.action}
            type="button"
            className={a.action === 'callNext' ? 'action primary' : 'action'}
            data-action={a.action}
            disabled={!mine || busy || !a.enabled(status)}
            onClick={() => run(a)}
          >
            {t(`counter.actions.${a.action}`)} <kbd>{a.key}</kbd>
          </button>
        ))}
      </div>
      <p className="hint">{t('counter.shortcutHint')}</p>
      <ErrorLine message={error} />
      {note ? <p className="note">{note}</p> : null}

      <section>
        <h3>{t('counter.serves')}</h3>
        <ul className="served-queues">
          {served.map((q) => (
            <li key={q.service}>
              <span>{localName(q, i18n.language)}</span>
              <strong>{t('common.waitingCount', { count: q.waiting })}</strong>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
