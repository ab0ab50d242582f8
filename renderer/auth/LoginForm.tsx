// Staff sign-in: staff ID and PIN. A wrong PIN shows the hub's own sentence (it also says
// when the account is locked after repeated failures). A one-time PIN (403
// `pin_change_required`) leads to setting one's own PIN, which then signs in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import type { Role } from '../../main/common/domain';
import { api } from '../../main/common/routes/index';
import type { LoginAnswer } from '../../main/common/api';
import { ApiError, callHub } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { FirstPinForm } from './FirstPinForm';
import { setSession, type Screen } from './session';

interface Props {
  screen: Screen;
  /** Roles that may use this screen; anyone else is told so instead of being signed in. */
  roles: readonly Role[];
}

export function LoginForm({ screen, roles }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The one-time PIN just typed, while its holder chooses their own. */
  const [oneTime, setOneTime] = useState<string | null>(null);

  function signedIn(a: LoginAnswer) {
    if (!roles.includes(a.role)) {
      setError(t('login.wrongRole', { role: t(`role.${screen}`) }));
      return;
    }
    setSession(screen, { token: a.token, role: a.role, staffId: a.staffId, demoPin: a.demoPin });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await callHub(api.login, null, { body: { staffId: staffId.trim(), pin } }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'pin_change_required') setOneTime(pin);
      else setError(errorText(err));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  if (oneTime !== null) {
    const back = () => setOneTime(null);
    return (
      <FirstPinForm
        staffId={staffId.trim()}
        oneTimePin={oneTime}
        onCancel={back}
        onSignedIn={(a) => {
          back();
          signedIn(a);
        }}
      />
    );
  }

  return (
    <form className="card auth-form" onSubmit={submit} data-testid="login-form">
      <h2>{t('login.title')}</h2>
      <label>
        {t('login.staffId')}
        <input name="staffId" autoComplete="username" value={staffId} onChange={(e) => setStaffId(e.target.value)} required />
      </label>
      <label>
        {t('login.pin')}
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
      </label>
      <ErrorLine message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
