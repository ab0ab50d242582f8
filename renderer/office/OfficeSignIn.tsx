// Head-office staff sign in with their staff ID and PIN (the office's own accounts).
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { officeApi, type OfficeSession } from './office-client';

export function OfficeSignIn({ onSignedIn }: { onSignedIn: (s: OfficeSession) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { staffId: string; pin: string }) {
    setBusy(true);
    setError(null);
    try {
      const a = await officeApi.login(v.staffId, v.pin);
      onSignedIn({ token: a.token, staffId: a.staffId, demoPin: a.demoPin });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card className="office-sign-in" style={{ maxWidth: 380, margin: '48px auto' }} data-testid="office-sign-in">
      <Form layout="vertical" onFinish={submit}>
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
    </Card>
  );
}
