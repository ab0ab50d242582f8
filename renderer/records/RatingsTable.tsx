// The reports' ratings section: per teller and per service, the count, the mean score and the
// share of satisfied customers, and the reasons given for low scores (daily and monthly alike).
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingFigures, RatingsSection } from '../../main/common/rating';

type Row = RatingFigures & { key: string; name: string };

export function RatingsTable({ ratings }: { ratings: RatingsSection }) {
  const { t } = useTranslation();
  const figures = [
    { title: t('ratingsReport.count'), dataIndex: 'ratings', className: 'num' },
    { title: t('ratingsReport.avg'), dataIndex: 'avgRating', className: 'num' },
    { title: t('ratingsReport.satisfied'), render: (_: unknown, r: Row) => `${r.satisfiedShare}%`, className: 'num' },
  ];
  const total: Row = { key: 'total', name: t('ratingsReport.total'), ...ratings.total };
  const byStaff: Row[] = [...ratings.byStaff.map((s) => ({ key: `s-${s.staffId}`, name: s.staffId ?? t('ratingsReport.nobody'), ...s })), total];
  const byService: Row[] = [...ratings.byService.map((s) => ({ key: `v-${s.service}`, name: t(`records.service.${s.service}`, { defaultValue: s.service }), ...s })), total];
  return (
    <section className="report-ratings" data-testid="report-ratings" data-count={ratings.total.ratings}>
      <h3>{t('ratingsReport.title')}</h3>
      {ratings.total.ratings === 0 ? (
        <p className="hint">{t('ratingsReport.none')}</p>
      ) : (
        <>
          <Table<Row> rowKey="key" size="small" pagination={false} dataSource={byStaff} columns={[{ title: t('ratingsReport.teller'), dataIndex: 'name' }, ...figures]} />
          <Table<Row> rowKey="key" size="small" pagination={false} dataSource={byService} columns={[{ title: t('ratingsReport.service'), dataIndex: 'name' }, ...figures]} />
          {ratings.reasons.length > 0 ? (
            <p>
              {t('ratingsReport.reasons')}:{' '}
              {ratings.reasons.map((r) => (
                <Tag key={r.reason}>{`${t(`rate.reasons.${r.reason}`)} ${r.count}`}</Tag>
              ))}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
