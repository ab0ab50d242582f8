// The staff PIN prompt behind the hidden gesture. The shell's main process checks the PIN
// with the hub and records the exit; the page only passes the two fields on. In a plain
// browser there is no locked mode to leave, and the prompt says so.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shellBridge } from './shell-bridge';

export function StaffExit({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bridge = shellBridge();
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!bridge) return;
    setBusy(true);
    setMessage(null);
    try {
      const answer = await bridge.exitKiosk({ staffId: staffId.trim(), pin });
      if (answer.ok) return onClose();
      // Own sentences for the two common refusals (the shared errors.* may be worded for other screens).
      const key = answer.code === 'forbidden' || answer.code === 'wrong_pin' ? `staffExit.${answer.code}` : `errors.${answer.code}`;
      setMessage(i18n.exists(key) ? t(key) : answer.message);
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kiosk-dialog-backdrop" role="presentation">
      <form className="kiosk-dialog card" role="dialog" aria-modal="true" aria-labelledby="staff-exit-title" data-testid="staff-exit" onSubmit={submit}>
        <h2 id="staff-exit-title">{t('staffExit.title')}</h2>
        {bridge ? (
          <>
            <p className="hint">{t('staffExit.hint')}</p>
            <label>
              {t('staffExit.staffId')}
              <input name="staffId" value={staffId} onChange={(e) => setStaffId(e.target.value)} autoComplete="off" required maxLength={64} />
            </label>
            <label>
              {t('staffExit.pin')}
              <input name="pin" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" required maxLength={32} />
            </label>
            {message ? (
              <p className="error-line" role="alert">
                {message}
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('staffExit.browser')}</p>
        )}
        <div className="kiosk-panel-actions">
          <button type="button" className="action" onClick={onClose}>
            {t('staffExit.cancel')}
          </button>
          {bridge ? (
            <button type="submit" className="primary" disabled={busy}>
              {t('staffExit.submit')}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
