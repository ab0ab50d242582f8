// Shows the live-feed state; anything but "live" is loud, because a screen that silently
// shows stale queues misleads staff and customers alike.
import { useTranslation } from 'react-i18next';
import type { Connection } from '../live/live-feed';

export function ConnectionBadge({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  return (
    <span className={`connection connection-${connection}`} role="status" data-testid="connection">
      {t(`connection.${connection}`)}
    </span>
  );
}
