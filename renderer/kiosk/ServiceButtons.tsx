// One big button per service, with the people waiting and the honest estimate for a new ticket.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import type { ApiTicket } from '../../main/common/api';
import { hubFor } from '../hub-client';
import type { LobbyState } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { estimateText, localName } from '../ui/format';

interface Props {
  lobby: LobbyState | null;
  onIssued: (t: ApiTicket) => void;
}

export function ServiceButtons({ lobby, onIssued }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function issue(service: string) {
    setBusy(service);
    setError(null);
    try {
      const a = await hubFor('kiosk').post<{ ticket: ApiTicket }>('/api/tickets', { service });
      if (a) onIssued(a.ticket);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  if (!lobby) return <p className="hint">{t('common.loading')}</p>;
  const closed = lobby.day?.status === 'closed';
  return (
    <div className="kiosk-home">
      <h2 className="kiosk-welcome">{closed ? t('kiosk.closed') : t('kiosk.welcome')}</h2>
      {lobby.queues.length === 0 ? <p className="hint">{t('kiosk.noServices')}</p> : null}
      <div className="service-grid">
        {lobby.queues.map((q) => (
          <button
            key={q.service}
            type="button"
            className="service-button"
            data-service={q.service}
            disabled={busy !== null || closed}
            onClick={() => void issue(q.service)}
          >
            <span className="service-name">{localName(q, i18n.language)}</span>
            <span className="service-meta">
              {t('common.waitingCount', { count: q.waiting })} · {estimateText(t, q.estimate)}
            </span>
          </button>
        ))}
      </div>
      {busy ? <p className="hint">{t('kiosk.issuing')}</p> : null}
      <ErrorLine message={error} />
    </div>
  );
}
