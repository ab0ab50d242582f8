// The lobby manager's console: for now the live lobby; triage, VIP alerts and the work log
// come in later issues as siblings in this folder.
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { LobbySummary } from '../ui/LobbySummary';
import { ScreenFrame } from '../ui/ScreenFrame';

export function ManagerScreen() {
  return (
    <Gate screen="manager" staffRoles={['manager']} pairable>
      <Manager />
    </Gate>
  );
}

function Manager() {
  const { lobby, connection } = useLobby('manager');
  return (
    <ScreenFrame screen="manager" connection={connection} lobby={lobby} canSignOut>
      <LobbySummary lobby={lobby} />
    </ScreenFrame>
  );
}
