// How long a staff sign-in may go unused before it ends: the admin sets the minutes (5–720);
// the hub applies them at once to every signed-in teller, manager and supervisor. Devices
// (kiosks, displays) have no staff sign-in and are never signed out by it.
import { App, Button, Card, InputNumber, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { StaffTheme } from '../ui/StaffTheme';
import { useErrorText } from '../ui/error-text';

// The hub's bounds (SignInSettingsBody in main/common/routes/settings.ts).
const MIN_MINUTES = 5;
const MAX_MINUTES = 720;

function inRange(value: number | null): value is number {
  return value !== null && Number.isInteger(value) && value >= MIN_MINUTES && value <= MAX_MINUTES;
}

export function SignInSettings() {
  return (
    <StaffTheme>
      <IdleMinutes />
    </StaffTheme>
  );
}

function IdleMinutes() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [saved, setSaved] = useState<number | null>(null);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const answer = await hubFor('admin').call(api.signInSettings);
      if (answer) {
        setSaved(answer.staffIdleMinutes);
        setMinutes(answer.staffIdleMinutes);
      }
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save() {
    if (!inRange(minutes)) return;
    setError(null);
    setBusy(true);
    try {
      const answer = await hubFor('admin').call(api.setSignInSettings, { body: { staffIdleMinutes: minutes } });
      const value = answer?.staffIdleMinutes ?? minutes;
      setSaved(value);
      setMinutes(value);
      void message.success(t('signInSettings.saved', { minutes: value }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const loaded = saved !== null;
  const valid = inRange(minutes);
  // Only a number someone typed is judged: an empty box before the first load is not an error.
  const outOfRange = loaded && !valid;

  return (
    <Card title={t('signInSettings.title')} data-testid="sign-in-settings">
      <Space wrap align="center">
        <label htmlFor="staff-idle-minutes">{t('signInSettings.label')}</label>
        <InputNumber
          id="staff-idle-minutes"
          data-testid="staff-idle-minutes"
          value={minutes}
          onChange={(v) => setMinutes(typeof v === 'number' ? v : null)}
          onPressEnter={() => void save()}
          precision={0}
          step={5}
          disabled={!loaded}
          status={outOfRange ? 'error' : undefined}
          suffix={t('signInSettings.minutes')}
          style={{ width: 160 }}
        />
        <Button type="primary" onClick={() => void save()} disabled={!loaded || !valid || minutes === saved} loading={busy} data-testid="save-idle-minutes">
          {t('signInSettings.save')}
        </Button>
      </Space>
      {outOfRange ? (
        <p className="error-line" role="alert" data-testid="idle-minutes-range" style={{ marginTop: 12 }}>
          {t('signInSettings.range', { min: MIN_MINUTES, max: MAX_MINUTES })}
        </p>
      ) : null}
      <ErrorLine message={error} />
      <p className="hint">{t('signInSettings.hint')}</p>
    </Card>
  );
}
