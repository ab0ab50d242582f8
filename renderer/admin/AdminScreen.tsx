// Administration: device registration now (services, staff, printers later), and the lobby.
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { LobbySummary } from '../ui/LobbySummary';
import { ScreenFrame } from '../ui/ScreenFrame';
import { ChecklistTemplateEditor } from './ChecklistTemplateEditor';
import { DeviceList } from './DeviceList';
import { KioskAdmin } from './KioskAdmin';
import { RegisterDevice } from './RegisterDevice';
import { SignInSettings } from './SignInSettings';
import { StaffLocks } from './StaffLocks';

export function AdminScreen() {
  return (
    <Gate screen="admin" staffRoles={['admin']} pairable={false}>
      <Admin />
    </Gate>
  );
}

function Admin() {
  const { lobby, connection } = useLobby('admin');
  return (
    <ScreenFrame screen="admin" connection={connection} lobby={lobby} canSignOut>
      <div className="admin-layout">
        <RegisterDevice />
        <DeviceList />
        <StaffLocks />
        <SignInSettings />
        <KioskAdmin />
        <ChecklistTemplateEditor />
        <LobbySummary lobby={lobby} />
      </div>
    </ScreenFrame>
  );
}
