// The records pages (/records) for the lobby manager and the supervisor: checklists, work
// log, opinion book, complaints, notebook, referral and care cards, reports. The manager
// keeps them; the supervisor reads them and signs. Coming from the manager's console or the
// supervisor's screen, that screen's sign-in is used, so nobody signs in twice; a link in the
// header leads back to that console (the manager's or the supervisor's, by who is signed in).
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Gate } from '../auth/Gate';
import { getSession, setSession } from '../auth/session';
import { useSession } from '../auth/use-session';
import { ScreenFrame } from '../ui/ScreenFrame';
import { StaffTheme } from '../ui/StaffTheme';
import { CardsTab } from './CardsTab';
import { ChecklistsTab } from './ChecklistsTab';
import { ComplaintsTab } from './ComplaintsTab';
import { NotebookTab } from './NotebookTab';
import { OpinionsTab } from './OpinionsTab';
import { ReportsTab } from './ReportsTab';
import { WorklogTab } from './WorklogTab';
import './records.css';

const TABS = ['checklists', 'worklog', 'opinions', 'complaints', 'notebook', 'cards', 'reports'] as const;

export function RecordsScreen() {
  useEffect(() => {
    if (getSession('records')) return;
    const from = getSession('manager') ?? getSession('supervisor');
    if (from?.staffId && (from.role === 'manager' || from.role === 'supervisor')) setSession('records', from);
  }, []);
  return (
    <StaffTheme>
      <Gate screen="records" staffRoles={['manager', 'supervisor']} pairable={false}>
        <Records />
      </Gate>
    </StaffTheme>
  );
}

function Records() {
  const { t } = useTranslation();
  const session = useSession('records');
  const [params, setParams] = useSearchParams();
  const role = session?.role ?? 'manager';
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as string) : 'checklists';
  const date = params.get('date') ?? undefined;
  const body = (key: string) => {
    switch (key) {
      case 'checklists':
        return <ChecklistsTab role={role} />;
      case 'worklog':
        return <WorklogTab role={role} />;
      case 'opinions':
        return <OpinionsTab role={role} />;
      case 'complaints':
        return <ComplaintsTab role={role} />;
      case 'notebook':
        return <NotebookTab role={role} />;
      case 'cards':
        return <CardsTab role={role} />;
      default:
        return <ReportsTab initialDate={date} />;
    }
  };
  return (
    <ScreenFrame
      screen="records"
      canSignOut
      extra={
        <Link to={role === 'supervisor' ? '/supervisor' : '/manager'} data-testid="back-to-console">
          <Button ghost icon={<ArrowLeftOutlined />}>
            {t('recordsNav.back')}
          </Button>
        </Link>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`records.tabs.${key}`)}</span>, children: body(key) }))}
      />
    </ScreenFrame>
  );
}
