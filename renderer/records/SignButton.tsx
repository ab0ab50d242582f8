// The supervisor's signature: their own PIN, asked for each record signed (a session left
// open on a shared console is not a signature). `onSign` throws when the hub refuses: a wrong
// PIN keeps the dialog open with the hub's sentence under the PIN field, to try again.
import { Button, Input, Modal, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';

export function SignButton({ what, onSign, testId }: { what: string; onSign: (pin: string) => Promise<unknown>; testId?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pinField = useRef<InputRef>(null);

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      await onSign(pin);
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
      // Ready to type the PIN again.
      setTimeout(() => pinField.current?.focus(), 0);
    } finally {
      setBusy(false);
      setPin('');
    }
  }

  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid={testId ?? 'sign'}
      >
        {t('records.sign.button')}
      </Button>
      <Modal open={open} wrapClassName="sign-dialog" title={t('records.sign.title')} onCancel={() => setOpen(false)} onOk={sign} okText={t('records.sign.confirm')} cancelText={t('records.cancel')} confirmLoading={busy} destroyOnHidden>
        <p>{t('records.sign.what', { what })}</p>
        <Input.Password
          ref={pinField}
          name="sign-pin"
          data-testid="sign-pin"
          inputMode="numeric"
          autoFocus
          value={pin}
          placeholder={t('records.sign.pin')}
          onChange={(e) => setPin(e.target.value)}
          onPressEnter={sign}
        />
        <div data-testid="sign-error">
          <ErrorLine message={error} />
        </div>
      </Modal>
    </>
  );
}
