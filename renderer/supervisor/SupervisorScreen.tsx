// The service-quality supervisor: the lobby summary now; sign-offs and reports later.
import { useTranslation } from 'react-i18next';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { LobbySummary } from '../ui/LobbySummary';
import { ScreenFrame } from '../ui/ScreenFrame';

export function SupervisorScreen() {
  return (
    <Gate screen="supervisor" staffRoles={['supervisor']} pairable={false}>
      <Supervisor />
    </Gate>
  );
}

function Supervisor() {
  const { t } = useTranslation();
  const { lobby, connection } = useLobby('supervisor');
  return (
    <ScreenFrame screen="supervisor" connection={connection} lobby={lobby} canSignOut>
      <h2>{t('supervisor.summary')}</h2>
      <LobbySummary lobby={lobby} />
    </ScreenFrame>
  );
}
