// Register a device and show its one-time pairing code with a link and QR code that pair it
// at once (`/<role>?pair=<code>&fp=<fingerprint>`), and the first groups of the hub
// certificate's fingerprint for a person to type or compare on the terminal, which pins it.
// A counter terminal pairs in its Electron settings instead, since the web counter screen is
// used with a teller's own sign-in.
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import type { RegisterDeviceAnswer } from '../../main/common/api';
import { DEVICE_ROLES, type DeviceRole } from '../../main/common/domain';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { screenPath } from '../auth/session';
import { ErrorLine } from '../ui/ErrorLine';

interface Registered extends RegisterDeviceAnswer {
  role: DeviceRole;
  name: string;
}

/** The fingerprint in a URL: hex without colons keeps the QR code small. */
export function pairingLink(role: DeviceRole, code: string, origin: string, fingerprint: string | null = null): string | null {
  if (role === 'counter') return null;
  const fp = fingerprint ? `&fp=${fingerprint.replace(/:/g, '')}` : '';
  return `${origin}${screenPath(role)}?pair=${encodeURIComponent(code)}${fp}`;
}

/** What a person compares: the first 8 groups (64 bits) of AA:BB:…. */
export function fingerprintGroups(fingerprint: string, groups = 8): string {
  return fingerprint.split(':').slice(0, groups).join(':');
}

export function RegisterDevice() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [role, setRole] = useState<DeviceRole>('kiosk');
  const [name, setName] = useState('');
  // A satisfaction pad is registered with the counter it stands at.
  const [counter, setCounter] = useState('1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Registered | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = role === 'rating' ? { role, name: name.trim(), counter: counter.trim() } : { role, name: name.trim() };
      const a = await hubFor('admin').call(api.registerDevice, { body });
      if (a) setDone({ role, name: name.trim(), ...a });
      setName('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const link = done ? pairingLink(done.role, done.pairingCode, location.origin, done.certFingerprint) : null;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    setQr(null);
    if (link) void QRCode.toDataURL(link, { margin: 1, width: 200 }).then(setQr);
  }, [link]);
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
        {role === 'rating' ? (
          <label>
            {t('admin.deviceCounter')}
            <input name="counter" value={counter} onChange={(e) => setCounter(e.target.value)} required maxLength={16} />
          </label>
        ) : null}
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
          {done.certFingerprint ? (
            <p>
              {t('pairTls.adminFingerprint')}:{' '}
              <strong className="pairing-code" data-testid="pairing-fingerprint" title={done.certFingerprint}>
                {fingerprintGroups(done.certFingerprint)}
              </strong>
              <br />
              <span className="hint">{t('pairTls.adminFingerprintHint')}</span>
            </p>
          ) : (
            <p className="hint" data-testid="pairing-no-tls">{t('pairTls.noTls')}</p>
          )}
          {qr ? <img src={qr} alt={t('pairTls.qrAlt')} width={200} height={200} data-testid="pairing-qr" /> : null}
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
