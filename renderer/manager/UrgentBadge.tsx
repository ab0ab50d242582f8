// The console header's count of customers waiting at a kiosk for the manager (green channel,
// "I need help"): seen at a glance from across the lobby; it jumps to the alert list.
import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function UrgentBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <a href="#alerts" className="urgent-badge" data-testid="urgent-badge" data-count={count} title={t('alerts.urgentBadgeTitle', { count })}>
      <AlertOutlined /> {t('alerts.urgentBadge', { count })}
    </a>
  );
}
