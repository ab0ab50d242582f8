// Pausing the counter with a reason: one digit key per reason, as the buttons show.
import { Button, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PAUSE_REASONS, type PauseReason } from '../../main/common/domain';

interface Props {
  open: boolean;
  onCancel: () => void;
  onSubmit: (reason: PauseReason) => void;
}

export function PauseDialog({ open, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      const reason = PAUSE_REASONS[Number(e.key) - 1];
      if (reason && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        onSubmit(reason);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onSubmit]);
  return (
    <Modal open={open} title={t('counter.pauseTitle')} footer={null} onCancel={onCancel} destroyOnHidden>
      <div className="pause-reasons" data-testid="pause-reasons">
        {PAUSE_REASONS.map((r, i) => (
          <Button key={r} size="large" data-reason={r} onClick={() => onSubmit(r)}>
            {t(`counter.pauseReasons.${r}`)} <kbd>{i + 1}</kbd>
          </Button>
        ))}
      </div>
    </Modal>
  );
}
