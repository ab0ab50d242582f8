// A self-service choice: no ticket; where the machines are, and "I need help", which calls the
// lobby manager over. Showing it is recorded by the hub as triage to self-service.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskChoice } from '../../main/common/kiosk';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { localName } from '../ui/format';

export function SelfService({ choice, onBack }: { choice: KioskChoice; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [helpSent, setHelpSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Counted once per visit; a failure only loses a count, never the customer's way.
    void hubFor('kiosk').call(api.kioskSelfService, { body: { choice: choice.id } }).catch(() => undefined);
  }, [choice.id]);

  async function help() {
    setError(null);
    try {
      await hubFor('kiosk').call(api.kioskHelp, { body: { choice: choice.id } });
      setHelpSent(true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const where = choice.selfService ? (i18n.language.startsWith('zh') ? choice.selfService.whereZh : choice.selfService.whereEn) : '';
  return (
    <div className="kiosk-panel" data-testid="self-service" data-choice={choice.id}>
      <p className="kiosk-panel-kicker">{localName(choice, i18n.language)}</p>
      <h2 className="kiosk-panel-title">{t('selfService.title')}</h2>
      <p className="kiosk-where" data-testid="atm-where">{where}</p>
      <p className="kiosk-panel-text">{t('selfService.noTicket')}</p>
      {helpSent ? (
        <p className="kiosk-sent" data-testid="help-sent">
          {t('selfService.helpSent')}
        </p>
      ) : (
        <button type="button" className="primary big help-button" data-testid="need-help" onClick={() => void help()}>
          {t('selfService.help')}
        </button>
      )}
      <ErrorLine message={error} />
      <button type="button" className="action big" onClick={onBack}>
        {t('kioskHome.back')}
      </button>
    </div>
  );
}
