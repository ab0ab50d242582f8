// The pairing form of a device screen; also pairs at once when opened as `?pair=<code>`
// (the link or QR code shown on the admin screen), then drops the code from the address bar
// so a reload or a shared screenshot does not carry a spent code.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/error-text';
import { useSearchParams } from 'react-router-dom';
import { ErrorLine } from '../ui/ErrorLine';
import { pairDevice, WrongDeviceRole } from './pair-device';
import type { Screen } from './session';

export function PairForm({ screen, onPaired }: { screen: Screen | null; onPaired?: (screen: Screen) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('pair');
  const [code, setCode] = useState(fromUrl ?? '');
  // The hub certificate's fingerprint from the pairing QR, or typed from the admin screen:
  // only the Electron shell over HTTPS can pin it, so only there is it asked for.
  const [fingerprint, setFingerprint] = useState(params.get('fp') ?? '');
  const asksFingerprint = window.atrium !== undefined && location.protocol === 'https:';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tried = useRef<string | null>(null);

  async function pair(value: string, fp: string) {
    setBusy(true);
    setError(null);
    try {
      const paired = await pairDevice(screen, value, fp);
      onPaired?.(paired.screen);
    } catch (err) {
      setError(err instanceof WrongDeviceRole ? t('pair.wrongRole', { role: t(`role.${err.role}`) }) : errorText(err));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    // Once per code: StrictMode runs effects twice and a code can be used only once.
    if (!fromUrl || tried.current === fromUrl) return;
    tried.current = fromUrl;
    const fp = params.get('fp') ?? '';
    setParams((p) => {
      p.delete('pair');
      p.delete('fp');
      return p;
    }, { replace: true });
    void pair(fromUrl, fp);
  }, [fromUrl]);

  function submit(e: FormEvent) {
    e.preventDefault();
    void pair(code, fingerprint);
  }

  return (
    <form className="card auth-form" onSubmit={submit} data-testid="pair-form">
      <h2>{t('pair.title')}</h2>
      <p>{t('pair.hint')}</p>
      <label>
        {t('pair.code')}
        <input name="pairingCode" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} required />
      </label>
      {asksFingerprint ? (
        <label>
          {t('pairTls.fingerprint')}
          <input name="certFingerprint" autoComplete="off" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} placeholder="AA:BB:CC:DD:EE:FF:00:11" />
          <span className="hint">{t('pairTls.fingerprintHint')}</span>
        </label>
      ) : null}
      <ErrorLine message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('pair.pairing') : t('pair.submit')}
      </button>
    </form>
  );
}
