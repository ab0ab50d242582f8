// The anti-fraud question before a ticket for a choice the admin marked (转账汇款, 大额取款):
// spoken and shown large to every customer who taps it. 我知道了 goes on to the ticket;
// 请大堂经理帮我 brings the lobby manager over (the kiosk's help alert).
import { useTranslation } from 'react-i18next';
import type { KioskChoice } from '../../main/common/kiosk';
import { localName } from '../ui/format';
import { VoicePrompt } from './VoicePrompt';

interface Props {
  choice: KioskChoice;
  busy: boolean;
  onGoOn: () => void;
  onHelp: () => void;
}

export function FraudPrompt({ choice, busy, onGoOn, onHelp }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kiosk-panel fraud-prompt" data-testid="fraud-prompt" data-choice={choice.id}>
      <VoicePrompt step="fraud" />
      <p className="kiosk-panel-kicker">{localName(choice, i18n.language)}</p>
      <h2 className="fraud-warning">{t('fraud.warning')}</h2>
      <p className="kiosk-panel-text">{t('fraud.advice')}</p>
      <div className="kiosk-panel-actions">
        <button type="button" className="primary big" data-testid="fraud-go-on" disabled={busy} onClick={onGoOn}>
          {t('fraud.goOn')}
        </button>
        <button type="button" className="primary big help-button" data-testid="fraud-help" disabled={busy} onClick={onHelp}>
          {t('elderly.help')}
        </button>
      </div>
    </div>
  );
}
