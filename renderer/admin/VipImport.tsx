// The admin imports the VIP register from the CRM's export or an Excel sheet. The hub hashes
// card and phone numbers on import and keeps no clear copy; the preview shows only their
// last four digits.
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VipSample } from '../../main/common/imports';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ImportPanel } from './ImportPanel';


export function VipImport() {
  const { t } = useTranslation();
  const columns = [
    { title: t('imports.line'), dataIndex: 'line', width: 64 },
    { title: t('imports.columns.title'), dataIndex: 'title' },
    { title: t('imports.columns.card'), dataIndex: 'card', render: (v: string | null) => v ?? '—' },
    { title: t('imports.columns.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('imports.columns.notes'), dataIndex: 'notes', render: (v: string[]) => v.join('；') },
    { title: t('imports.columns.tags'), dataIndex: 'tags', render: (v: string[]) => v.map((x) => <Tag key={x}>{x}</Tag>) },
  ];
  return (
    <ImportPanel<VipSample, { imported: number; skipped: number }>
      testId="vip-import"
      title={t('imports.vip.title')}
      format={t('imports.vip.format')}
      columns={columns}
      preview={(body) => hubFor('admin').call(api.vipImportPreview, { body })}
      run={(body) => hubFor('admin').call(api.vipImport, { body })}
      done={(r) => <Alert type="success" showIcon title={t('imports.vip.done', { count: r.imported, skipped: r.skipped })} />}
    />
  );
}
