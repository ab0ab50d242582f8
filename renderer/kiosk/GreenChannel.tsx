// The green channel: the customer says why, the lobby manager comes to confirm (an alert);
// the kiosk gives no priority ticket by itself.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';

const REASONS = ['elderly', 'disability', 'pregnancy', 'urgent'] as const;

export function GreenChannel({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function ask(reason: (typeof REASONS)[number]) {
    setError(null);
    try {
      await hubFor('kiosk').call(api.greenChannel, { body: { reason } });
      setSent(true);
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <div className="kiosk-panel" data-testid="green-panel">
      <h2 className="kiosk-panel-title">{t('green.title')}</h2>
      {sent ? (
        <p className="kiosk-sent" data-testid="green-sent">
          {t('green.sent')}
        </p>
      ) : (
        <>
          <p className="kiosk-panel-text">{t('green.ask')}</p>
          <div className="reason-grid">
            {REASONS.map((r) => (
              <button key={r} type="button" className="service-button reason" data-reason={r} onClick={() => void ask(r)}>
                <span className="service-name">{t(`green.reasons.${r}`)}</span>
              </button>
            ))}
          </div>
        </>
      )}
      <ErrorLine message={error} />
      <button type="button" className="action big" onClick={onBack}>
        {t('kioskHome.back')}
      </button>
    </div>
  );
}
