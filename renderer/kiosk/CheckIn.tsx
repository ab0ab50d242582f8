// VIP check-in by phone (a card is read by the swipe listener on any screen) and appointment
// check-in by code or phone: the result is a ticket with its priority, shown like any other.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTicket } from '../../main/common/api';
import { api } from '../../main/common/routes/index';
import { ApiError, hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { Keypad } from './Keypad';

export type CheckInKind = 'vip' | 'appointment';

interface Props {
  kind: CheckInKind;
  onTicket: (ticket: ApiTicket, kind: CheckInKind) => void;
  onBack: () => void;
}

export function CheckIn({ kind, onTicket, onBack }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [by, setBy] = useState<'phone' | 'code'>(kind === 'appointment' ? 'code' : 'phone');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  // The failure itself, not its sentence: switching language re-words it.
  const [failure, setFailure] = useState<unknown>(null);

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      const kiosk = hubFor('kiosk');
      const answer =
        kind === 'vip'
          ? await kiosk.call(api.vipCheckIn, { body: { phone: value } })
          : await kiosk.call(api.appointmentCheckIn, { body: by === 'phone' ? { phone: value } : { code: value } });
      onTicket(answer.ticket, kind);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  const pick = (next: 'phone' | 'code') => {
    setBy(next);
    setValue('');
    setFailure(null);
  };
  const type = (next: string) => {
    setValue(next);
    setFailure(null);
  };
  const message = failure === null ? null : failure instanceof ApiError && failure.code === 'invalid_request' ? t('checkIn.invalid') : errorText(failure);
  return (
    <div className="kiosk-panel check-in" data-testid={`check-in-${kind}`}>
      <h2 className="kiosk-panel-title">{kind === 'vip' ? t('checkIn.vipTitle') : t('checkIn.appointmentTitle')}</h2>
      <p className="kiosk-panel-text">{kind === 'vip' ? t('checkIn.vipAsk') : t('checkIn.appointmentAsk')}</p>
      {kind === 'appointment' ? (
        <div className="segmented" role="group">
          <button type="button" className={by === 'code' ? 'active' : ''} aria-pressed={by === 'code'} onClick={() => pick('code')}>
            {t('checkIn.byCode')}
          </button>
          <button type="button" className={by === 'phone' ? 'active' : ''} aria-pressed={by === 'phone'} onClick={() => pick('phone')}>
            {t('checkIn.byPhone')}
          </button>
        </div>
      ) : null}
      <output className="entry" data-testid="entry" aria-label={by === 'phone' ? t('checkIn.phone') : t('checkIn.code')}>
        {value || <span className="entry-placeholder">{by === 'phone' ? t('checkIn.phone') : t('checkIn.code')}</span>}
      </output>
      <Keypad value={value} onChange={type} letters={by === 'code'} maxLength={by === 'phone' ? 15 : 12} />
      <ErrorLine message={message} />
      <div className="kiosk-panel-actions">
        <button type="button" className="action big" onClick={onBack}>
          {t('kioskHome.back')}
        </button>
        <button type="button" className="primary big" data-testid="check-in-submit" disabled={busy || value.length < 4} onClick={() => void submit()}>
          {t('checkIn.submit')}
        </button>
      </div>
    </div>
  );
}
