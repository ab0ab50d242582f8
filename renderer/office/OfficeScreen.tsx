// The head office's screen at /office (served by the office, npm run office): sign in, every
// branch at a glance, the cross-branch reports, the branches' configuration, and one branch in detail. An hq_admin also keeps
// the office's staff; a regional manager sees only their branches (the office filters them).
import { Alert, Button, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { StaffTheme } from '../ui/StaffTheme';
import { BranchDrawer } from './BranchDrawer';
import { BranchesPanel } from './BranchesPanel';
import { ConfigPanel } from './ConfigPanel';
import { readSession, saveSession, type OfficeSession } from './office-client';
import { OfficeSignIn } from './OfficeSignIn';
import { ReportsPanel } from './ReportsPanel';
import { StaffPanel } from './StaffPanel';

export function OfficeScreen() {
  const { t } = useTranslation();
  const [session, setSession] = useState<OfficeSession | null>(readSession);
  const [open, setOpen] = useState<string | null>(null);
  const sign = (s: OfficeSession | null) => {
    saveSession(s);
    setSession(s);
  };
  return (
    <StaffTheme>
      <div className="screen screen-office" style={{ padding: '0 24px 24px' }}>
        <header className="screen-header">
          <h1>{t('office.title')}</h1>
          <span className="spacer" />
          {session ? <span data-testid="office-who">{session.staffId}</span> : null}
          {session?.role ? <Tag data-testid="office-role">{t(`office.role.${session.role}`)}</Tag> : null}
          {session ? <Button onClick={() => sign(null)} data-testid="office-sign-out">{t('office.signIn.signOut')}</Button> : null}
          <LanguageSwitch />
        </header>
        {session?.demoPin ? <Alert type="warning" showIcon title={t('office.signIn.demo')} style={{ marginBottom: 12 }} /> : null}
        {session?.role === 'regional_manager' ? <Alert type="info" showIcon title={t('office.regionalNote')} style={{ marginBottom: 12 }} data-testid="office-regional-note" /> : null}
        {session ? (
          <>
            <Tabs
              items={[
                { key: 'branches', label: t('office.tabs.branches'), children: <BranchesPanel token={session.token} onOpen={(b) => setOpen(b.branchId)} /> },
                { key: 'reports', label: <span data-testid="office-tab-reports">{t('office.tabs.reports')}</span>, children: <ReportsPanel token={session.token} onOpen={setOpen} /> },
                {
                  key: 'config',
                  label: <span data-testid="office-tab-config">{t('officeConfig.tab')}</span>,
                  children: <ConfigPanel token={session.token} canPublish={session.role === 'hq_admin'} />,
                },
                ...(session.role === 'hq_admin'
                  ? [{ key: 'staff', label: <span data-testid="office-tab-staff">{t('office.tabs.staff')}</span>, children: <StaffPanel token={session.token} self={session.staffId} /> }]
                  : []),
              ]}
            />
            <BranchDrawer token={session.token} branchId={open} onClose={() => setOpen(null)} />
          </>
        ) : (
          <OfficeSignIn onSignedIn={sign} />
        )}
      </div>
    </StaffTheme>
  );
}
