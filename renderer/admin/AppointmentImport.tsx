// Appointments from a file (the CRM's bookings or the branch's own sheet): previewed, booked in
// one go, and their codes offered as a CSV for the branch to send each customer theirs.
import { Alert, Button, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentSample, ImportedAppointment } from '../../main/common/imports';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { codesCsv, download, localTime } from './codes-csv';
import { ImportPanel } from './ImportPanel';


export function AppointmentImport() {
  const { t, i18n } = useTranslation();
  // The services' names, read once: the file may name a service by code or prefix.
  const [data, setData] = useState<{ code: string; nameZh: string; nameEn: string }[]>([]);
  useEffect(() => {
    hubFor('admin')
      .call(api.services)
      .then((a) => setData(a?.services ?? []))
      .catch(() => setData([])); // codes are shown instead of names
  }, []);
  const serviceName = (code: string) => {
    const s = data.find((x) => x.code === code);
    return s ? (i18n.language.startsWith('zh') ? s.nameZh : s.nameEn) : code;
  };
  const columns = [
    { title: t('imports.line'), dataIndex: 'line', width: 64 },
    { title: t('imports.columns.service'), dataIndex: 'service', render: serviceName },
    { title: t('imports.columns.at'), dataIndex: 'at', render: localTime },
    { title: t('imports.columns.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
  ];
  const done = ({ created, skipped }: { created: ImportedAppointment[]; skipped: number }) => {
    const header: [string, string, string] = [t('imports.appointments.code'), t('imports.columns.at'), t('imports.columns.service')];
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={t('imports.appointments.done', { count: created.length, skipped })} />
        <Button type="primary" data-testid="appointment-codes-download" onClick={() => download(`appointment-codes-${localTime(created[0]?.at ?? new Date().toISOString()).slice(0, 10)}.csv`, codesCsv(created, header, serviceName))}>
          {t('imports.appointments.download')}
        </Button>
        <Table<ImportedAppointment>
          size="small"
          rowKey="code"
          pagination={created.length > 10 ? { pageSize: 10 } : false}
          dataSource={created}
          data-testid="appointment-codes"
          columns={[
            { title: header[0], dataIndex: 'code', render: (v: string) => <code>{v}</code> },
            { title: header[1], dataIndex: 'at', render: localTime },
            { title: header[2], dataIndex: 'service', render: serviceName },
          ]}
        />
      </Space>
    );
  };
  return (
    <ImportPanel<AppointmentSample, { created: ImportedAppointment[]; skipped: number }>
      testId="appointment-import"
      title={t('imports.appointments.title')}
      format={t('imports.appointments.format')}
      columns={columns}
      preview={(body) => hubFor('admin').call(api.appointmentImportPreview, { body })}
      run={(body) => hubFor('admin').call(api.appointmentImport, { body })}
      done={done}
    />
  );
}
