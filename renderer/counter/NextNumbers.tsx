// The queues this counter serves and the next few numbers it would call, in dispatch order
// as far as the screen can tell (sent to this counter first, then fewest people ahead).
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCounter, ApiTicket } from '../../main/common/api';
import type { LobbyView } from '../live/lobby-state';
import { localName } from '../ui/format';

const SHOW_NEXT = 5;

export function NextNumbers({ lobby, counter }: { lobby: LobbyView; counter: ApiCounter }) {
  const { t, i18n } = useTranslation();
  const served = counter.services.map((s) => lobby.queues.find((q) => q.service === s)).filter((q) => q !== undefined);
  const next = (Object.values(lobby.tickets) as ApiTicket[])
    .filter((x) => x.status === 'waiting' && counter.services.includes(x.service) && (x.targetCounter === null || x.targetCounter === counter.id))
    .sort((a, b) => Number(b.targetCounter === counter.id) - Number(a.targetCounter === counter.id) || (a.ahead ?? 0) - (b.ahead ?? 0) || a.issuedAt.localeCompare(b.issuedAt))
    .slice(0, SHOW_NEXT);
  return (
    <div className="desk-queues">
      <Card size="small" title={t('counter.serves')}>
        <ul className="served-queues">
          {served.map((q, i) => (
            <li key={q.service} data-service={q.service}>
              <span>
                {i === 0 ? <Tag color="blue">{t('counter.firstService')}</Tag> : null}
                {localName(q, i18n.language)}
              </span>
              <strong>{t('common.waitingCount', { count: q.waiting })}</strong>
            </li>
          ))}
        </ul>
      </Card>
      <Card size="small" title={t('counter.nextNumbers')}>
        <ol className="next-numbers" data-testid="next-numbers">
          {next.length === 0 ? <li className="hint">{t('counter.nobodyWaiting')}</li> : null}
          {next.map((x) => (
            <li key={x.id}>
              <span className="ticket-number">{x.number}</span>
              {x.priority !== 'normal' ? <Tag color={x.priority === 'green' ? 'green' : 'gold'}>{t(`counter.priority.${x.priority}`)}</Tag> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
