// Transferring the current customer to another service or to a named counter, with a note
// for the next teller (it goes to staff only, never to the display).
import { Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCounter } from '../../main/common/api';
import type { LobbyView } from '../live/lobby-state';
import { localName } from '../ui/format';

interface Props {
  open: boolean;
  lobby: LobbyView;
  counter: ApiCounter;
  onCancel: () => void;
  onSubmit: (body: { service?: string; counter?: string; note?: string }) => void;
}

export function TransferDialog({ open, lobby, counter, onCancel, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const [service, setService] = useState<string | undefined>();
  const [toCounter, setToCounter] = useState<string | undefined>();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!open) return;
    setService(undefined);
    setToCounter(undefined);
    setNote('');
  }, [open]);
  const valid = service !== undefined || toCounter !== undefined;
  const submit = () => {
    if (!valid) return;
    onSubmit({ ...(service && { service }), ...(toCounter && { counter: toCounter }), ...(note.trim() && { note: note.trim() }) });
  };
  return (
    <Modal open={open} title={t('counter.transferTitle')} okText={t('counter.actions.transfer')} cancelText={t('counter.cancel')} onOk={submit} onCancel={onCancel} okButtonProps={{ disabled: !valid }} destroyOnHidden>
      <div className="transfer-form" data-testid="transfer-form">
        <label>
          {t('counter.toService')}
          <Select
            autoFocus
            allowClear
            size="large"
            data-testid="transfer-service"
            value={service}
            onChange={setService}
            options={lobby.queues.map((q) => ({ value: q.service, label: `${q.prefix} ${localName(q, i18n.language)}` }))}
          />
        </label>
        <label>
          {t('counter.toCounter')}
          <Select
            allowClear
            size="large"
            data-testid="transfer-counter"
            value={toCounter}
            onChange={setToCounter}
            options={lobby.counters.filter((c) => c.id !== counter.id && c.status !== 'closed').map((c) => ({ value: c.id, label: t('counter.counterN', { id: c.id }) }))}
          />
        </label>
        <label>
          {t('counter.note')}
          <Input.TextArea name="note" maxLength={200} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
    </Modal>
  );
}
