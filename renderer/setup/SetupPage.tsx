// /setup: a hub started without --demo has no admin. The first admin types the setup code the
// hub printed, the branch's names and opening hours, and their own staff ID and PIN (twice);
// the hub writes it all at once and signs them in, and they land on /admin.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../main/common/routes/index';
import { usePinRuleText } from '../auth/pin-text';
import { setSession } from '../auth/session';
import { callHub } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { StaffTheme } from '../ui/StaffTheme';
import { useErrorText } from '../ui/error-text';
import './setup.css';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  openingTime?: string;
  closingTime?: string;
  staffId: string;
  name: string;
  pin: string;
  pinAgain: string;
}

const STAFF_ID = /^[A-Za-z0-9._-]{1,32}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function SetupPage() {
  return (
    <StaffTheme>
      <Setup />
    </StaffTheme>
  );
}

function Setup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const ruleText = usePinRuleText();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  /** What failed, said in the language shown now. */
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    callHub(api.setupStatus, null).then(
      (a) => setNeeded(a.needed),
      (e: unknown) => setError(e),
    );
  }, []);

  async function finish(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const hhmm = (time: string | undefined) => (time?.trim() ? time.trim() : undefined);
      const a = await callHub(api.setUp, null, {
        body: {
          code: v.code.trim(),
          branch: { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), openingTime: hhmm(v.openingTime), closingTime: hhmm(v.closingTime) },
          admin: { staffId: v.staffId.trim(), name: v.name.trim(), pin: v.pin },
        },
      });
      setSession('admin', { token: a.token, role: a.role, staffId: a.staffId, demoPin: a.demoPin });
      navigate('/admin#staff');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, whitespace: true, message: t('setup.required') };
  return (
    <div className="screen screen-setup">
      <header className="screen-header">
        <h1>{t('setup.title')}</h1>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      <main className="screen-body setup-page">
        {needed === false ? (
          <Alert type="info" showIcon message={t('errors.already_set_up')} description={<Link to="/admin">{t('role.admin')}</Link>} data-testid="already-set-up" />
        ) : (
          <Form<Values> layout="vertical" onFinish={(v) => void finish(v)} requiredMark={false} data-testid="setup-form">
            <p>{t('setup.intro')}</p>
            <Card title={t('setup.code')}>
              <Form.Item name="code" extra={t('setup.codeHint')} rules={[required]}>
                <Input className="setup-code" maxLength={32} autoComplete="off" spellCheck={false} autoFocus />
              </Form.Item>
            </Card>
            <Card title={t('setup.branch')}>
              <div className="setup-row">
                <Form.Item name="nameZh" label={t('setup.nameZh')} rules={[required]}>
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item name="nameEn" label={t('setup.nameEn')} extra={t('setup.nameEnHint')} rules={[required]}>
                  <Input maxLength={64} />
                </Form.Item>
              </div>
              <div className="setup-row">
                <Form.Item name="openingTime" label={t('setup.openingTime')} rules={[{ pattern: TIME, message: t('setup.badTime') }]}>
                  <Input placeholder="09:00" maxLength={5} />
                </Form.Item>
                <Form.Item name="closingTime" label={t('setup.closingTime')} rules={[{ pattern: TIME, message: t('setup.badTime') }]}>
                  <Input placeholder="17:00" maxLength={5} />
                </Form.Item>
              </div>
            </Card>
            <Card title={t('setup.admin')}>
              <div className="setup-row">
                <Form.Item name="staffId" label={t('setup.staffId')} extra={t('setup.staffIdHint')} rules={[required, { pattern: STAFF_ID, message: t('setup.badStaffId') }]}>
                  <Input autoComplete="username" />
                </Form.Item>
                <Form.Item name="name" label={t('setup.name')} rules={[required]}>
                  <Input maxLength={64} />
                </Form.Item>
              </div>
              <div className="setup-row">
                <Form.Item
                  name="pin"
                  label={t('setup.pin')}
                  extra={t('pinRule.hint')}
                  rules={[required, { validator: async (_r, value: string) => { const text = value ? ruleText(value) : null; if (text) throw new Error(text); } }]}
                >
                  <Input.Password inputMode="numeric" maxLength={6} autoComplete="new-password" />
                </Form.Item>
                <Form.Item
                  name="pinAgain"
                  label={t('setup.pinAgain')}
                  dependencies={['pin']}
                  rules={[
                    required,
                    ({ getFieldValue }) => ({
                      validator: async (_r, value: string) => {
                        if (value && value !== getFieldValue('pin')) throw new Error(t('setup.pinsDiffer'));
                      },
                    }),
                  ]}
                >
                  <Input.Password inputMode="numeric" maxLength={6} autoComplete="new-password" />
                </Form.Item>
              </div>
            </Card>
            <div className="setup-submit">
              <ErrorLine message={error === null ? null : errorText(error)} />
              <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="setup-submit">
                {t('setup.submit')}
              </Button>
            </div>
          </Form>
        )}
        {needed === false ? <ErrorLine message={error === null ? null : errorText(error)} /> : null}
      </main>
    </div>
  );
}
