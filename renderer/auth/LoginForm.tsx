// Staff sign-in: staff ID and PIN. A wrong PIN shows the hub's own sentence (it also says
// when the account is locked after repeated failures).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import type { Role } from '../../main/common/domain';
import { api } from '../../main/common/routes/index';
import { callHub } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const a = await callHub(api.login, null, { body: { staffId: staffId.trim(), pin } });
      if (!roles.includes(a.role)) {
        setError(t('login.wrongRole', { role: t(`role.${screen}`) }));
        return;
      }
      setSession(screen, { token: a.token, role: a.role, staffId: a.staffId, demoPin: a.demoPin });
    } catch (err) {
      setError(errorText(err));
      setPin('');
    } finally {
      setBusy(false);
    }
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
