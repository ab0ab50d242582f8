// Staff IDs locked after repeated wrong PINs (at one terminal address, or at every one), with a
// button to lift an ID's locks early: a script that locks the supervisor must not keep them out
// until the lock runs out.
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffLock } from '../../main/common/api';
import { api } from '../../main/common/routes/index';
import { hubFor } from '../hub-client';
import { ErrorLine } from '../ui/ErrorLine';
import { StaffTheme } from '../ui/StaffTheme';
import { clockTime } from '../ui/format';
import { usePolled } from './use-polled';

export function StaffLocks() {
  const { t, i18n } = useTranslation();
  const { data, error, act } = usePolled(async () => (await hubFor('admin').call(api.staffLocks))?.locks ?? []);
  const locks: StaffLock[] = data ?? [];

  const unlock = (staffId: string) => act(() => hubFor('admin').call(api.unlockStaff, { params: { id: staffId } }));

  return (
    <StaffTheme>
      <Card title={t('staffLocks.title')} data-testid="staff-locks">
        <ErrorLine message={error} />
        <Table<StaffLock>
          rowKey={(l) => `${l.staffId} ${l.source ?? ''}`}
          pagination={false}
          size="middle"
          dataSource={locks}
          locale={{ emptyText: t('staffLocks.none') }}
          columns={[
            { title: t('staffLocks.staffId'), dataIndex: 'staffId' },
            { title: t('staffLocks.role'), render: (_v, l) => t(`staffLocks.roles.${l.role}`, { defaultValue: l.role }) },
            { title: t('staffLocks.source'), render: (_v, l) => l.source ?? t('staffLocks.everywhere') },
            { title: t('staffLocks.failures'), dataIndex: 'failures' },
            { title: t('staffLocks.until'), render: (_v, l) => clockTime(new Date(l.lockedUntil), i18n.language) },
            {
              title: '',
              render: (_v, l) => (
                <Button onClick={() => void unlock(l.staffId)} data-testid={`unlock-${l.staffId}`}>
                  {t('staffLocks.unlock')}
                </Button>
              ),
            },
          ]}
        />
        <p className="hint">{t('staffLocks.hint')}</p>
      </Card>
    </StaffTheme>
  );
}
