// Sharing the customer secret between branches (as `atrium customer-secret`): the fingerprint
// is always shown; the secret only after the admin's PIN again, and it is hidden again after a
// minute and whenever the card closes. Setting another branch's secret is offered only while no
// customer is keyed with this one (the hub refuses it otherwise).
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../main/common/routes/index';
import { ApiError, hubFor } from '../../hub-client';
import { ErrorLine } from '../../ui/ErrorLine';
import { useErrorText } from '../../ui/error-text';
import { usePolled } from '../use-polled';

const SHOWN_MS = 60_000;
const readState = async () => hubFor('admin').call(api.customerSecret);

export function CustomerSecret() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const anyErrorText = useErrorText();
  // A wrong PIN here is not a signature: say so in this card's words.
  const errorText = (e: unknown) => (e instanceof ApiError && e.code === 'wrong_signing_pin' ? t('branchAdmin.secret.wrongPin') : anyErrorText(e));
  const polled = usePolled(readState);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'show' | 'set' | null>(null);
  const [showForm] = Form.useForm<{ pin: string }>();
  const [setForm] = Form.useForm<{ pin: string; secret: string }>();
  useEffect(() => {
    if (!secret) return;
    const timer = setTimeout(() => setSecret(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [secret]);

  async function show({ pin }: { pin: string }) {
    setBusy('show');
    setError(null);
    try {
      const a = await hubFor('admin').call(api.showCustomerSecret, { body: { pin } });
      setSecret(a?.secret ?? null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      showForm.resetFields();
      setBusy(null);
    }
  }

  async function set(v: { pin: string; secret: string }) {
    setBusy('set');
    setError(null);
    try {
      const a = await hubFor('admin').call(api.setCustomerSecret, { body: { pin: v.pin, secret: v.secret.trim().toLowerCase() } });
      setSecret(null);
      void message.success(t('branchAdmin.secret.setDone', { fingerprint: a?.fingerprint ?? '' }));
      await polled.act(async () => undefined); // reads the new fingerprint
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
      setForm.resetFields();
    }
  }

  const state = polled.data;
  const pinRule = [{ required: true, pattern: /^\d{4,12}$/, message: t('branchAdmin.secret.needPin') }];
  return (
    <Card title={t('branchAdmin.secret.title')} data-testid="customer-secret">
      <p className="hint">{t('branchAdmin.secret.explain')}</p>
      <p>
        {t('branchAdmin.secret.fingerprint')}: <Typography.Text code data-testid="secret-fingerprint">{state?.fingerprint ?? '…'}</Typography.Text>
        <br />
        <span className="hint">{t('branchAdmin.secret.fingerprintHint')}</span>
      </p>
      {secret ? (
        <div className="secret-shown" data-testid="secret-shown">
          <p>{t('branchAdmin.secret.shown')}</p>
          <Space>
            <Typography.Text code copyable>
              {secret}
            </Typography.Text>
            <Button onClick={() => setSecret(null)} data-testid="secret-hide">
              {t('branchAdmin.secret.hide')}
            </Button>
          </Space>
        </div>
      ) : (
        <Form form={showForm} layout="inline" onFinish={(v) => void show(v)} data-testid="secret-show-form">
          <Form.Item name="pin" label={t('branchAdmin.secret.pin')} rules={pinRule}>
            <Input.Password autoComplete="off" inputMode="numeric" maxLength={12} style={{ width: 140 }} data-testid="secret-show-pin" />
          </Form.Item>
          <Button htmlType="submit" loading={busy === 'show'} data-testid="secret-show">
            {t('branchAdmin.secret.show')}
          </Button>
        </Form>
      )}
      {state?.customersKeyed ? (
        <p className="hint" data-testid="secret-keyed" style={{ marginTop: 16 }}>
          {t('branchAdmin.secret.keyed')}
        </p>
      ) : (
        <Form form={setForm} layout="vertical" onFinish={(v) => void set(v)} data-testid="secret-set-form" style={{ marginTop: 16 }}>
          <Form.Item name="secret" label={t('branchAdmin.secret.newSecret')} rules={[{ required: true, pattern: /^\s*[0-9a-fA-F]{64}\s*$/, message: t('branchAdmin.secret.badSecret') }]}>
            <Input autoComplete="off" spellCheck={false} style={{ maxWidth: 560, fontFamily: 'ui-monospace, monospace' }} data-testid="secret-new" />
          </Form.Item>
          <Space align="start">
            <Form.Item name="pin" label={t('branchAdmin.secret.pin')} rules={pinRule}>
              <Input.Password autoComplete="off" inputMode="numeric" maxLength={12} style={{ width: 140 }} data-testid="secret-set-pin" />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" danger htmlType="submit" loading={busy === 'set'} data-testid="secret-set">
                {t('branchAdmin.secret.set')}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
      <ErrorLine message={error ?? polled.error} />
      <p className="hint">{t('branchAdmin.secret.audit')}</p>
    </Card>
  );
}
