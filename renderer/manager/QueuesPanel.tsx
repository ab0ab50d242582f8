// Per service: people waiting, the longest wait, what a new ticket would wait and its trend.
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiQueue } from '../../main/common/api';
import { estimateText, localName } from '../ui/format';
import { direction, type Trends } from './estimate-trend';
import { Sparkline } from './Sparkline';

const ARROWS = { up: <ArrowUpOutlined style={{ color: '#c8102e' }} />, down: <ArrowDownOutlined style={{ color: '#1a7f37' }} />, flat: <MinusOutlined /> };

export function QueuesPanel({ queues, trends, now, dayClosed }: { queues: ApiQueue[]; trends: Trends; now: number; dayClosed: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('lobby.queues')} data-testid="queue-table">
      <Table<ApiQueue>
        size="small"
        pagination={false}
        rowKey="service"
        dataSource={queues}
        onRow={(q) => ({ 'data-service': q.service }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('lobby.service'), key: 'service', render: (_, q) => <><span className="prefix">{q.prefix}</span> {localName(q, i18n.language)}</> },
          { title: t('lobby.waiting'), dataIndex: 'waiting', align: 'right', className: 'num', render: (n: number) => <strong className="big-num">{n}</strong> },
          { title: t('lobby.longestWait'), key: 'longest', align: 'right', render: (_, q) => t('common.minutes', { count: Math.round(q.longestWaitMinutes) }) },
          {
            title: t('lobby.estimate'),
            key: 'estimate',
            // Once the day is closed no ticket is issued: an estimate would answer a question nobody can ask.
            render: (_, q) => (dayClosed ? <span title={t('day.state.closed')}>—</span> : estimateText(t, q.estimate)),
          },
          {
            title: t('manager.trend'),
            key: 'trend',
            width: 150,
            render: (_, q) => {
              const points = trends[q.service] ?? [];
              const dir = direction(points, now);
              return (
                <span className="trend" data-trend={dir} title={t(`manager.trendWords.${dir}`)}>
                  {ARROWS[dir]}
                  <Sparkline points={points} now={now} closedLabel={t('manager.trendClosed')} color={dir === 'up' ? '#c8102e' : '#0b4f8a'} />
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
