// The admin's branch tab (/admin#branch): the branch's set-up, each card saving on its own.
import type { LobbyView } from '../../live/lobby-state';
import { BranchNames } from './BranchNames';
import { CountersAdmin } from './CountersAdmin';
import { CustomerSecret } from './CustomerSecret';
import { OpeningHours } from './OpeningHours';
import { RotaEditor } from './RotaEditor';
import { ServicesAdmin } from './ServicesAdmin';

export function BranchTab({ lobby }: { lobby: LobbyView | null }) {
  return (
    <>
      <BranchNames />
      <OpeningHours />
      <ServicesAdmin />
      <CountersAdmin lobby={lobby} />
      <RotaEditor lobby={lobby} />
      <CustomerSecret />
    </>
  );
}
