// Administration, one tab per concern: devices, staff, the branch's set-up, the kiosk,
// imports (the VIP register, appointments), checklist templates and the lobby. The tab is
// kept in the address (#staff), so a reload or a link from the README opens the same one.
import { Tabs } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { LobbySummary } from '../ui/LobbySummary';
import { ScreenFrame } from '../ui/ScreenFrame';
import { StaffTheme } from '../ui/StaffTheme';
import { BranchTab } from './branch/BranchTab';
import { KioskChoicesEditor } from './branch/KioskChoicesEditor';
import { ChecklistTemplateEditor } from './ChecklistTemplateEditor';
import { DeviceList } from './DeviceList';
import { Imports } from './Imports';
import { KioskAdmin } from './KioskAdmin';
import { RegisterDevice } from './RegisterDevice';
import { SignInSettings } from './SignInSettings';
import { StaffAdmin } from './StaffAdmin';
import { StaffLocks } from './StaffLocks';

export function AdminScreen() {
  return (
    <StaffTheme>
      <Gate screen="admin" staffRoles={['admin']} pairable={false}>
        <Admin />
      </Gate>
    </StaffTheme>
  );
}

const TABS = ['devices', 'staff', 'branch', 'kiosk', 'imports', 'checklists', 'lobby'] as const;
type Tab = (typeof TABS)[number];

function tabOfHash(): Tab {
  const hash = window.location.hash.slice(1);
  return (TABS as readonly string[]).includes(hash) ? (hash as Tab) : 'devices';
}

function Admin() {
  const { t } = useTranslation();
  const { lobby, connection } = useLobby('admin');
  const [tab, setTab] = useState<Tab>(tabOfHash);
  useEffect(() => {
    const onHash = () => setTab(tabOfHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const panes: Record<Tab, ReactNode> = {
    devices: (
      <>
        <RegisterDevice />
        <DeviceList />
      </>
    ),
    staff: (
      <>
        <StaffAdmin />
        <StaffLocks />
        <SignInSettings />
      </>
    ),
    branch: <BranchTab lobby={lobby} />,
    kiosk: (
      <>
        <KioskChoicesEditor />
        <KioskAdmin />
      </>
    ),
    imports: <Imports />,
    checklists: <ChecklistTemplateEditor />,
    lobby: <LobbySummary lobby={lobby} />,
  };
  return (
    <ScreenFrame screen="admin" connection={connection} lobby={lobby} canSignOut>
      <Tabs
        activeKey={tab}
        data-testid="admin-tabs"
        onChange={(key) => {
          window.history.replaceState(null, '', `#${key}`);
          setTab(key as Tab);
        }}
        items={TABS.map((key) => ({ key, label: t(`admin.tabs.${key}`), children: <div className="admin-layout">{panes[key]}</div> }))}
      />
    </ScreenFrame>
  );
}
