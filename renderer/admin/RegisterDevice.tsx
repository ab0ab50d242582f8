// Register a device and show its one-time pairing code with a link that pairs it at once
// (`/<role>?pair=<code>`). A counter terminal pairs in its Electron settings instead, since
// the web counter screen is used with a teller's own sign-in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import { DEVICE_ROLES, type DeviceRole } from '../../main/common/domain';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';

interface Registered {
  role: DeviceRole;
  name: string;
  deviceId: string;
  pairingCode: string;
}

export function pairingLink(role: DeviceRole, code: string, origin: string): string | null {
  return role === 'counter' ? null : `${origin}/${role}?pair=${encodeURIComponent(code)}`;
}

export function RegisterDevice() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Registered | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const a = await hubFor('admin').post<{ deviceId: string; pairingCode: string }>('/api/devices', { role, name: name.trim() });
      if (a) setDone({ role, name: name.trim(), ...a });
      setName('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const link = done ? pairingLink(done.role, done.pairingCode, location.origin) : null;
  return (
    <section className="card register-device">
      <h2>{t('admin.register')}</h2>
      <form onSubmit={submit} data-testid="register-device">
        <label>
          {t('admin.deviceRole')}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as DeviceRole)}>
            {DEVICE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.deviceRoles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.deviceName')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        <ErrorLine message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('admin.submit')}
        </button>
      </form>
      {done ? (
        <div className="pairing-result" data-testid="pairing-result" data-role={done.role}>
          <p>
            {t(`admin.deviceRoles.${done.role}`)} · {done.name}
          </p>
          <p>
            {t('admin.pairingCode')}: <strong className="pairing-code" data-testid="pairing-code">{done.pairingCode}</strong>
          </p>
          {link ? (
            <p>
              {t('admin.pairingLink')}{' '}
              <a href={link} data-testid="pairing-link" target="_blank" rel="noreferrer">
                {link}
              </a>
            </p>
          ) : (
            <p className="hint">{t('admin.counterNote')}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
