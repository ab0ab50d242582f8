// "Something else": the lobby manager is asked over at once (a kiosk_help alert).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskChoice } from '../../main/common/kiosk';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';

export function AskManager({ choice, onBack }: { choice: KioskChoice; onBack: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    hubFor('kiosk')
      .call(api.kioskHelp, { body: { choice: choice.id } })
      .catch((e: unknown) => setError(errorText(e)));
  }, [choice.id, errorText]);
  return (
    <div className="kiosk-panel" data-testid="ask-manager">
      <h2 className="kiosk-panel-title">{t('other.title')}</h2>
      <p className="kiosk-panel-text">{t('other.hint')}</p>
      <ErrorLine message={error} />
      <button type="button" className="action big" onClick={onBack}>
        {t('kioskHome.back')}
      </button>
    </div>
  );
}
