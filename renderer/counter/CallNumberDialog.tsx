// Calling a given number (a customer who came back, or one the manager points out).
import { Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  onCancel: () => void;
  onSubmit: (number: string) => void;
}

export function CallNumberDialog({ open, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  useEffect(() => {
    if (open) setNumber('');
  }, [open]);
  const valid = /^[A-Za-z]\d{1,4}$/.test(number.trim());
  const submit = () => valid && onSubmit(number.trim().toUpperCase());
  return (
    <Modal open={open} title={t('counter.callNumberTitle')} okText={t('counter.actions.callNumber')} cancelText={t('counter.cancel')} onOk={submit} onCancel={onCancel} okButtonProps={{ disabled: !valid }} destroyOnHidden>
      <Input
        autoFocus
        size="large"
        name="number"
        placeholder="A012"
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        onPressEnter={submit}
        aria-label={t('counter.callNumberTitle')}
      />
    </Modal>
  );
}
