// The queues at a glance: waiting, longest wait, what a new ticket would wait.
import { useTranslation } from 'react-i18next';
import type { ApiQueue } from '../../main/common/api';
import { estimateText, localName } from './format';

export function QueueTable({ queues }: { queues: ApiQueue[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="data-table" data-testid="queue-table">
      <caption>{t('lobby.queues')}</caption>
      <thead>
        <tr>
          <th>{t('lobby.service')}</th>
          <th className="num">{t('lobby.waiting')}</th>
          <th className="num">{t('lobby.longestWait')}</th>
          <th>{t('lobby.estimate')}</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.service} data-service={q.service}>
            <td>
              <span className="prefix">{q.prefix}</span> {localName(q, i18n.language)}
            </td>
            <td className="num">{q.waiting}</td>
            <td className="num">{t('common.minutes', { count: Math.round(q.longestWaitMinutes) })}</td>
            <td>{estimateText(t, q.estimate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
