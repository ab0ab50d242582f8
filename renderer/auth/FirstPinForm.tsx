// After a one-time PIN (a new person, a reset): the person chooses their own PIN, twice, and is
// signed in with it. The one-time PIN signs nobody in by itself (the hub answers 403
// `pin_change_required`), so this form sends it with the new PIN, without a token.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginAnswer } from '../../main/common/api';
import { api } from '../../main/common/routes/index';
import { callHub } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { checkNewPin, usePinFormErrorText, type PinFormError } from './pin-text';

interface Props {
  staffId: string;
  oneTimePin: string;
  /** Signed in with the new PIN. */
  onSignedIn(answer: LoginAnswer): void;
  onCancel(): void;
}

export function FirstPinForm({ staffId, oneTimePin, onSignedIn, onCancel }: Props) {
  const { t } = useTranslation();
  const errorText = usePinFormErrorText();
  const [newPin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PinFormError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = checkNewPin(newPin, again, oneTimePin);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const answer = await callHub(api.changePin, null, { body: { staffId, pin: oneTimePin, newPin } });
      if (answer.session) onSignedIn(answer.session);
    } catch (err) {
      setError({ failed: err });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card auth-form" onSubmit={submit} data-testid="first-pin-form">
      <h2>{t('ownPin.firstTitle')}</h2>
      <p className="hint">{t('ownPin.firstIntro')}</p>
      <p className="first-pin-who">{t('ownPin.staffLine', { staffId })}</p>
      <label>
        {t('ownPin.newPin')}
        <input name="newPin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={newPin} onChange={(e) => setNewPin(e.target.value)} required autoFocus />
      </label>
      <label>
        {t('ownPin.newPinAgain')}
        <input name="newPinAgain" type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={again} onChange={(e) => setAgain(e.target.value)} required />
      </label>
      <p className="hint">{t('pinRule.hint')}</p>
      <ErrorLine message={errorText(error)} />
      <button type="submit" className="primary" disabled={busy}>
        {t('ownPin.submit')}
      </button>
      <button type="button" className="link-button" onClick={onCancel} data-testid="first-pin-cancel">
        {t('ownPin.cancel')}
      </button>
    </form>
  );
}
