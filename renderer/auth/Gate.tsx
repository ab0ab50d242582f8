// What a screen shows before it has a token. Decision: staff screens take a staff sign-in;
// kiosk and display take a pairing code only (a customer-facing device must never hold a
// person's token); the manager screen takes either, so a lobby tablet can be paired once.
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Role } from '../../main/common/domain';
import { ScreenFrame } from '../ui/ScreenFrame';
import { LoginForm } from './LoginForm';
import { PairForm } from './PairForm';
import { useShellSession } from './shell-session';
import type { Screen } from './session';
import { useSession } from './use-session';

interface Props {
  screen: Screen;
  /** Staff roles accepted by sign-in; empty for pairing-only screens. */
  staffRoles: readonly Role[];
  /** Whether the screen can be paired as a device. */
  pairable: boolean;
  children: ReactNode;
}

export function Gate({ screen, staffRoles, pairable, children }: Props) {
  const session = useSession(screen);
  const [params] = useSearchParams();
  const shellAsked = useShellSession(screen, pairable);
  if (!shellAsked) return null;
  // A `?pair=` link always pairs, even over an old token (e.g. re-pairing after a hub reset).
  const pairing = pairable && params.has('pair');
  if (session && !pairing) return <>{children}</>;
  return (
    <ScreenFrame screen={screen}>
      <div className="auth-forms">
        {staffRoles.length > 0 ? <LoginForm screen={screen} roles={staffRoles} /> : null}
        {pairable ? <PairForm screen={screen} /> : null}
      </div>
    </ScreenFrame>
  );
}
