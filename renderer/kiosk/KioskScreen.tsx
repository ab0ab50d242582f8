// The ticket kiosk: a few big choices (选择题, not 问答题), then the number, very large.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTicket } from '../../main/common/api';
import { Gate } from '../auth/Gate';
import { useLobby } from '../live/use-lobby';
import { localName } from '../ui/format';
import { ScreenFrame } from '../ui/ScreenFrame';
import { ServiceButtons } from './ServiceButtons';
import { TicketIssued } from './TicketIssued';

export function KioskScreen() {
  return (
    <Gate screen="kiosk" staffRoles={[]} pairable>
      <Kiosk />
    </Gate>
  );
}

function Kiosk() {
  const { i18n } = useTranslation();
  const { lobby, connection } = useLobby('kiosk');
  const [issued, setIssued] = useState<ApiTicket | null>(null);
  return (
    // Customers see the branch's name, not the device's role.
    <ScreenFrame screen="kiosk" connection={connection} lobby={lobby} title={lobby ? localName(lobby.branch, i18n.language) : undefined}>
      {issued ? (
        <TicketIssued ticket={issued} queues={lobby?.queues ?? []} onDone={() => setIssued(null)} />
      ) : (
        <ServiceButtons lobby={lobby} onIssued={setIssued} />
      )}
    </ScreenFrame>
  );
}
