// The older customers waiting (issue 14.2): each ticket with its service and the people
// ahead, those three or fewer from their call marked, so the manager can go to them in time.
// Read again on each live event (a call or a new ticket moves everyone's "ahead"); a ticket
// under the fraud watch (the staff lobby view's flag) says so.
import { Card, Empty, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElderlyWaiting } from '../../main/common/elderly';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import type { LobbyView } from '../live/lobby-state';
import { ErrorLine } from '../ui/ErrorLine';
import { useErrorText } from '../ui/error-text';
import { clockTime, localName } from '../ui/format';

/** A row of the list, with the fraud watch of its ticket as the manager's lobby view carries it. */
type Row = ElderlyWaiting & { fraudWatch: boolean };

export function ElderlyPanel({ lobby }: { lobby: LobbyView }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [rows, setRows] = useState<ElderlyWaiting[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    hubFor('manager')
      .call(api.lobbyElderly)
      .then((a) => {
        if (!live) return;
        setRows(a.waiting);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [lobby.seq, errorText]);

  const serviceName = (code: string) => {
    const q = lobby.queues.find((x) => x.service === code);
    return q ? localName(q, i18n.language) : code;
  };
  const watched = new Set(Object.values(lobby.tickets).filter((x) => 'fraudWatch' in x && x.fraudWatch === true).map((x) => x.number));
  const waiting: Row[] = (rows ?? []).map((r) => ({ ...r, fraudWatch: watched.has(r.ticket) }));
  return (
    <Card
      size="small"
      data-testid="elderly-panel"
      title={
        <span>
          {t('elderlyPanel.title')} {waiting.length > 0 ? <Tag color="orange">{waiting.length}</Tag> : null}
        </span>
      }
    >
      <ErrorLine message={error} />
      {rows !== null && waiting.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elderlyPanel.none')} />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="ticket"
          dataSource={waiting}
          loading={rows === null && error === null}
          onRow={(r) => ({ 'data-ticket': r.ticket, 'data-near': r.nearTurn }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('elderlyPanel.ticket'),
              dataIndex: 'ticket',
              render: (_v, r) => (
                <span>
                  <strong className="big-num">{r.ticket}</strong> {r.fraudWatch ? <Tag color="red">{t('fraudWatch.flag')}</Tag> : null}
                </span>
              ),
            },
            { title: t('elderlyPanel.service'), dataIndex: 'service', render: (v: string) => serviceName(v) },
            {
              title: t('elderlyPanel.ahead'),
              dataIndex: 'ahead',
              render: (_v, r) => (r.nearTurn ? <Tag color="orange">{t('elderlyPanel.nearTurn', { count: r.ahead })}</Tag> : t('elderlyPanel.aheadCount', { count: r.ahead })),
            },
            { title: t('elderlyPanel.issuedAt'), dataIndex: 'issuedAt', render: (v: string) => clockTime(v, i18n.language) },
          ]}
        />
      )}
    </Card>
  );
}
