// The supervisor's signature: their own PIN, asked for each record signed (a session left
// open on a shared console is not a signature).
import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
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

  async function sign() {
    setBusy(true);
    setError(null);
    try {
      await onSign(pin);
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      setPin('');
    }
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid={testId ?? 'sign'}>
        {t('records.sign.button')}
      </Button>
      <Modal open={open} title={t('records.sign.title')} onCancel={() => setOpen(false)} onOk={sign} okText={t('records.sign.confirm')} cancelText={t('records.cancel')} confirmLoading={busy} destroyOnHidden>
        <p>{t('records.sign.what', { what })}</p>
        <Input.Password
          name="sign-pin"
          data-testid="sign-pin"
          inputMode="numeric"
          autoFocus
          value={pin}
          placeholder={t('records.sign.pin')}
          onChange={(e) => setPin(e.target.value)}
          onPressEnter={sign}
        />
        <ErrorLine message={error} />
      </Modal>
    </>
  );
}
