// The admin's branch tab (/admin#branch): the branch's set-up, each card saving on its own.
import { api } from '../../../main/common/routes/index';
import { hubFor } from '../../hub-client';
import type { LobbyView } from '../../live/lobby-state';
import { usePolled } from '../use-polled';
import { BranchNames } from './BranchNames';
import { CalendarSettings } from './CalendarSettings';
import { CountersAdmin } from './CountersAdmin';
import { CustomerSecret } from './CustomerSecret';
import { ElderlySettings } from './ElderlySettings';
import { FairCalling } from './FairCalling';
import { OpeningHours } from './OpeningHours';
import { RotaEditor } from './RotaEditor';
import { ServicesAdmin } from './ServicesAdmin';

const readServices = async () => (await hubFor('admin').call(api.services))?.services ?? [];

export function BranchTab({ lobby }: { lobby: LobbyView | null }) {
  // One read of the services for both cards, so a service just saved is offered to counters at once.
  const services = usePolled(readServices);
  return (
    <>
      <BranchNames />
      <OpeningHours />
      <ServicesAdmin services={services} />
      <CountersAdmin lobby={lobby} services={services.data ?? []} />
      <RotaEditor lobby={lobby} />
      <CalendarSettings />
      <FairCalling />
      <ElderlySettings />
      <CustomerSecret />
    </>
  );
}
