// The report's columns, shared by the cross-branch table and a branch's drill-down.
import type { TFunction } from 'i18next';
import type { BranchFigures } from '../../main/common/office/report-routes';

const pct = (x: number | null) => (x === null ? '—' : `${x}%`);
const inTime = (c: { answeredInTime: number; answeredLate: number; open: number }) => {
  const all = c.answeredInTime + c.answeredLate + c.open;
  return all === 0 ? '—' : `${c.answeredInTime}/${all}`;
};

export function reportColumns(t: TFunction) {
  return [
    { key: 'issued', title: t('office.col.issued'), render: (r: BranchFigures) => r.issued },
    { key: 'served', title: t('office.col.served'), render: (r: BranchFigures) => r.served },
    { key: 'noShow', title: t('office.col.noShow'), render: (r: BranchFigures) => r.noShow },
    { key: 'within15', title: t('office.col.within15'), render: (r: BranchFigures) => pct(r.within15) },
    { key: 'within30', title: t('office.col.within30'), render: (r: BranchFigures) => pct(r.within30) },
    { key: 'satisfaction', title: t('office.col.satisfaction'), render: (r: BranchFigures) => (r.satisfaction.count ? `${r.satisfaction.mean} / ${r.satisfaction.count}` : '—') },
    { key: 'complaints', title: t('office.col.complaints'), render: (r: BranchFigures) => inTime(r.complaints) },
    { key: 'opinions', title: t('office.col.opinions'), render: (r: BranchFigures) => inTime(r.opinions) },
    { key: 'interventions', title: t('office.col.interventions'), render: (r: BranchFigures) => `${r.interventions.signed}/${r.interventions.count}` },
  ];
}
