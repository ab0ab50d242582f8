// 防诈骗关注: the current ticket came from an older customer who chose a transfer or a large
// withdrawal at the kiosk (the hub's fraud watch, issue 14.3). Staff screens only: the hub
// never puts the flag on a shared screen's ticket.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiTicket } from '../../main/common/api';

export const fraudWatched = (ticket: ApiTicket): boolean => ticket.fraudWatch === true;

export function FraudWatch() {
  const { t } = useTranslation();
  return <Alert className="fraud-watch" data-testid="fraud-watch" type="error" showIcon message={t('fraudWatch.flag')} description={t('fraudWatch.hint')} />;
}
