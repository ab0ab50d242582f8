// Older customers (老年人): started by an ID card on the reader (from the start screen or the
// 老年人 · 刷身份证 entry), then one tap on a big choice gives the ticket (a fraud-prompt choice
// asks one question first). Large text, a voice prompt at each step, and 请大堂经理帮我 always
// on screen. The ID number stays in the kiosk's memory for this visit only and is never shown.
import { useTranslation } from 'react-i18next';
import type { ApiQueue } from '../../main/common/api';
import type { KioskChoice } from '../../main/common/kiosk';
import { estimateText, localName } from '../ui/format';
import { elderlyChoices } from './elderly-flow';
import { VoicePrompt } from './VoicePrompt';

interface Props {
  choices: KioskChoice[];
  queues: ApiQueue[];
  /** Set once a valid ID card was read: the choices step. */
  idRead: boolean;
  /** The last read was no valid ID number. */
  invalid: boolean;
  busy: boolean;
  onChoice: (c: KioskChoice) => void;
  onHelp: () => void;
  onBack: () => void;
}

export function ElderlyFlow({ choices, queues, idRead, invalid, busy, onChoice, onHelp, onBack }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kiosk-panel elderly-flow" data-testid="elderly-flow" data-step={idRead ? 'choose' : 'swipe'}>
      {idRead ? (
        <>
          <VoicePrompt step="choose" />
          <h2 className="kiosk-panel-title">{t('elderly.chooseTitle')}</h2>
          <div className="elderly-choices">
            {elderlyChoices(choices).map((c) => {
              const queue = queues.find((q) => q.service === c.service);
              return (
                <button key={c.id} type="button" className="service-button elderly-choice" data-choice={c.id} disabled={busy} onClick={() => onChoice(c)}>
                  <span className="service-name">{localName(c, i18n.language)}</span>
                  {queue ? (
                    <span className="service-meta">
                      {t('common.waitingCount', { count: queue.waiting })} · {estimateText(t, queue.estimate, localName(queue, i18n.language))}
                    </span>
                  ) : null}
                </button>
              );
            })}
          </div>
        </>
      ) : (
        <>
          <VoicePrompt step="swipe" />
          <h2 className="kiosk-panel-title">{t('elderly.swipeTitle')}</h2>
          <p className="elderly-swipe-hint">{t('elderly.swipeHint')}</p>
          {invalid ? (
            <p className="elderly-invalid" role="alert" data-testid="elderly-invalid">
              {t('errors.invalid_id_number')}
            </p>
          ) : null}
        </>
      )}
      <div className="kiosk-panel-actions">
        <button type="button" className="action big" disabled={busy} onClick={onBack}>
          {t('kioskHome.back')}
        </button>
        <button type="button" className="primary big help-button" data-testid="elderly-help" disabled={busy} onClick={onHelp}>
          {t('elderly.help')}
        </button>
      </div>
    </div>
  );
}
