// Head-office staff sign in with their staff ID and PIN (the office's own accounts). A one-time
// PIN handed over by the hq_admin signs nobody in (403 `pin_change_required`): the person then
// chooses a PIN of their own, twice, under the hub's PIN rule, and is signed in with it.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNewPin, usePinFormErrorText } from '../auth/pin-text';
import { OfficeError, officeApi, officeErrorText, type OfficeSession } from './office-client';

export function OfficeSignIn({ onSignedIn }: { onSignedIn: (s: OfficeSession) => void }) {
  const { t, i18n } = useTranslation();
  const pinText = usePinFormErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set after a one-time PIN: who, and the PIN they were handed.
  const [first, setFirst] = useState<{ staffId: string; pin: string } | null>(null);
  const done = (a: { token: string; staffId: string; role: OfficeSession['role']; demoPin: boolean }) => onSignedIn({ token: a.token, staffId: a.staffId, role: a.role, demoPin: a.demoPin });

  async function submit(v: { staffId: string; pin: string }) {
    setBusy(true);
    setError(null);
    try {
      done(await officeApi.login(v.staffId, v.pin));
    } catch (e) {
      if (e instanceof OfficeError && e.code === 'pin_change_required') setFirst({ staffId: v.staffId, pin: v.pin });
      else setError(officeErrorText(t, (k) => i18n.exists(k), e));
    } finally {
      setBusy(false);
    }
  }

  async function choose(v: { newPin: string; again: string }) {
    const problem = checkNewPin(v.newPin, v.again, first!.pin);
    if (problem) return setError(pinText(problem));
    setBusy(true);
    setError(null);
    try {
      done(await officeApi.choosePin(first!.staffId, first!.pin, v.newPin));
    } catch (e) {
      setError(officeErrorText(t, (k) => i18n.exists(k), e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="office-sign-in" style={{ maxWidth: 380, margin: '48px auto' }} data-testid="office-sign-in">
      {first ? (
        <Form layout="vertical" onFinish={choose} key="first" data-testid="office-first-pin">
          <Typography.Title level={4}>{t('ownPin.firstTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('ownPin.staffLine', { staffId: first.staffId })}</Typography.Paragraph>
          <Form.Item name="newPin" label={t('ownPin.newPin')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" inputMode="numeric" maxLength={6} data-testid="office-new-pin" />
          </Form.Item>
          <Form.Item name="again" label={t('ownPin.newPinAgain')} rules={[{ required: true }]} extra={t('pinRule.hint')}>
            <Input.Password autoComplete="new-password" inputMode="numeric" maxLength={6} data-testid="office-new-pin-again" />
          </Form.Item>
          {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="office-first-pin-submit">
            {t('ownPin.submit')}
          </Button>
          <Button type="link" block onClick={() => (setFirst(null), setError(null))}>
            {t('ownPin.cancel')}
          </Button>
        </Form>
      ) : (
        <Form layout="vertical" onFinish={submit} key="sign-in">
          <Form.Item name="staffId" label={t('office.signIn.staffId')} rules={[{ required: true }]}>
            <Input autoComplete="username" data-testid="office-staff-id" />
          </Form.Item>
          <Form.Item name="pin" label={t('office.signIn.pin')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" data-testid="office-pin" />
          </Form.Item>
          {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="office-sign-in-submit">
            {t('office.signIn.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
