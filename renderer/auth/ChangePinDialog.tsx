// "Change my PIN" on every staff screen: the current PIN again (a terminal left signed in must
// not let someone else take over its owner's PIN), then the new one twice. The session goes on.
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { checkNewPin, usePinFormErrorText, type PinFormError } from './pin-text';
import { getSession, setSession, type Screen } from './session';

interface Values {
  pin: string;
  newPin: string;
  again: string;
}

export function ChangePinButton({ screen }: { screen: Screen }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <button type="button" className="link-button" data-testid="change-pin" onClick={() => (setDone(false), setOpen(true))}>
        {done ? t('ownPin.changed') : t('ownPin.change')}
      </button>
      {open ? (
        <ChangePinDialog
          screen={screen}
          onClose={(changed) => {
            setOpen(false);
            setDone(changed);
          }}
        />
      ) : null}
    </>
  );
}

function ChangePinDialog({ screen, onClose }: { screen: Screen; onClose(changed: boolean): void }) {
  const { t } = useTranslation();
  const errorText = usePinFormErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PinFormError | null>(null);

  async function finish(v: Values) {
    const problem = checkNewPin(v.newPin, v.again, v.pin);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await hubFor(screen).call(api.changePin, { body: { pin: v.pin, newPin: v.newPin } });
      // No longer the demo PIN: the banner goes.
      const session = getSession(screen);
      if (session?.demoPin) setSession(screen, { ...session, demoPin: false });
      onClose(true);
    } catch (err) {
      setError({ failed: err });
    } finally {
      setBusy(false);
    }
  }

  const pinInput = (autoComplete: string, autoFocus = false) => <Input.Password inputMode="numeric" maxLength={12} autoComplete={autoComplete} autoFocus={autoFocus} />;
  return (
    <Modal open title={t('ownPin.changeTitle')} footer={null} onCancel={() => onClose(false)} destroyOnHidden>
      {/* The buttons are inside the form, so Enter in any field submits it. */}
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} data-testid="change-pin-form" requiredMark={false}>
        <Form.Item name="pin" label={t('ownPin.current')} rules={[{ required: true, message: t('setup.required') }]}>
          {pinInput('current-password', true)}
        </Form.Item>
        <Form.Item name="newPin" label={t('ownPin.newPin')} extra={t('pinRule.hint')} rules={[{ required: true, message: t('setup.required') }]}>
          {pinInput('new-password')}
        </Form.Item>
        <Form.Item name="again" label={t('ownPin.newPinAgain')} rules={[{ required: true, message: t('setup.required') }]}>
          {pinInput('new-password')}
        </Form.Item>
        <ErrorLine message={errorText(error)} />
        <div className="dialog-buttons">
          <Button onClick={() => onClose(false)} data-testid="change-pin-cancel">
            {t('ownPin.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('ownPin.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
