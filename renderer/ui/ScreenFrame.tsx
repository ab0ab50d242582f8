// The frame around every role's screen: title, branch, connection state, language switch,
// "change my PIN" and sign-out for staff, and the demo-PIN banner.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clearSession, type Screen } from '../auth/session';
import { useSession } from '../auth/use-session';
import type { Connection } from '../live/live-feed';
import type { LobbyView } from '../live/lobby-state';
import { ConnectionBadge } from './ConnectionBadge';
import { DemoPinBanner } from './DemoPinBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { localName } from './format';

// Lazy: the dialog is Ant Design, which a kiosk or display (no staff sign-in) must never load.
const ChangePinButton = lazy(() => import('../auth/ChangePinDialog').then((m) => ({ default: m.ChangePinButton })));

interface Props {
  screen: Screen;
  connection?: Connection;
  lobby?: LobbyView | null;
  /** Staff screens offer sign-out; customer-facing ones (kiosk, display) do not. */
  canSignOut?: boolean;
  children: ReactNode;
  extra?: ReactNode;
  /** Replaces the role name as the heading (the public display shows the branch instead). */
  title?: ReactNode;
}

export function ScreenFrame({ screen, connection, lobby, canSignOut, children, extra, title }: Props) {
  const { t, i18n } = useTranslation();
  const session = useSession(screen);
  return (
    <div className={`screen screen-${screen}`}>
      {session?.demoPin ? <DemoPinBanner /> : null}
      <header className="screen-header">
        <h1>{title ?? t(`role.${screen}`)}</h1>
        {lobby && !title ? <span className="branch">{localName(lobby.branch, i18n.language)}</span> : null}
        <span className="spacer" />
        {extra}
        {connection ? <ConnectionBadge connection={connection} /> : null}
        {session?.staffId ? <span className="who">{session.staffId}</span> : null}
        {canSignOut && session?.staffId ? (
          <Suspense fallback={null}>
            <ChangePinButton screen={screen} />
          </Suspense>
        ) : null}
        {canSignOut && session ? (
          <button type="button" className="link-button" onClick={() => clearSession(screen)}>
            {t('common.logout')}
          </button>
        ) : null}
        <LanguageSwitch />
      </header>
      <main className="screen-body">{children}</main>
    </div>
  );
}
