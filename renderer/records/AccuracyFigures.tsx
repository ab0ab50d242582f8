// The estimate accuracy block of the daily and monthly reports (issue 17.1): how close the
// waits promised at issue came to the real ones, in total and, on a day, per service.
import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DailyRecordsReport, EstimateAccuracy } from '../../main/common/records';

type ServiceRow = DailyRecordsReport['services'][number];

export function AccuracyFigures({ estimates, services, title }: { estimates: EstimateAccuracy; services?: ServiceRow[]; title?: string }) {
  const { t } = useTranslation();
  const bias = (e: EstimateAccuracy) =>
    e.biasMinutes > 0 ? t('accuracy.biasLate', { value: e.biasMinutes }) : e.biasMinutes < 0 ? t('accuracy.biasEarly', { value: -e.biasMinutes }) : t('accuracy.biasNone');
  return (
    <section className="report-accuracy" data-testid="accuracy" data-n={estimates.n} data-mae={estimates.maeMinutes} data-within-range={estimates.withinRangeShare}>
      <h3>{title ?? t('accuracy.title')}</h3>
      <p className="hint">{t('accuracy.intro')}</p>
      {estimates.n === 0 ? (
        <p>{t('accuracy.none')}</p>
      ) : (
        // Five figures: each takes a fifth of a wide screen and wraps on a narrow one.
        <Row gutter={[12, 12]} className="accuracy-figures">
          {[
            [t('accuracy.n'), String(estimates.n)],
            [t('accuracy.mae'), t('accuracy.minutes', { value: estimates.maeMinutes })],
            [t('accuracy.withinRange'), `${estimates.withinRangeShare}%`],
            [t('accuracy.within5'), `${estimates.within5MinShare}%`],
            [t('accuracy.bias'), bias(estimates)],
          ].map(([title, value]) => (
            <Col key={title} flex="1 1 180px">
              <Card size="small"><Statistic title={title} value={value} /></Card>
            </Col>
          ))}
        </Row>
      )}
      {estimates.withoutEstimate > 0 ? <p className="hint" data-testid="accuracy-without">{t('accuracy.without', { count: estimates.withoutEstimate })}</p> : null}
      {services && estimates.n > 0 ? (
        <Table<ServiceRow>
          rowKey="service"
          size="small"
          pagination={false}
          dataSource={services.filter((s) => s.estimates.n + s.estimates.withoutEstimate > 0)}
          data-testid="accuracy-services"
          columns={[
            { title: t('accuracy.service'), render: (_, s) => t(`records.service.${s.service}`, { defaultValue: s.service }) },
            { title: t('accuracy.n'), className: 'num', render: (_, s) => s.estimates.n },
            { title: t('accuracy.mae'), className: 'num', render: (_, s) => t('accuracy.minutes', { value: s.estimates.maeMinutes }) },
            { title: t('accuracy.withinRange'), className: 'num', render: (_, s) => `${s.estimates.withinRangeShare}%` },
            { title: t('accuracy.within5'), className: 'num', render: (_, s) => `${s.estimates.within5MinShare}%` },
            { title: t('accuracy.bias'), className: 'num', render: (_, s) => (s.estimates.n ? bias(s.estimates) : '—') },
          ]}
        />
      ) : null}
    </section>
  );
}
