// The plain index: a link to each role's screen. A hub not set up yet (no admin) sends
// whoever opens it to /setup instead.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../main/common/routes/index';
import { callHub } from '../hub-client';
import { screenPath, type Screen } from '../auth/session';
import { LanguageSwitch } from '../ui/LanguageSwitch';

const SCREENS: Screen[] = ['kiosk', 'counter', 'manager', 'display', 'rating', 'supervisor', 'admin'];

export function Home() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    // Offline or an older hub: the links stay, as before.
    callHub(api.setupStatus, null).then(
      (a) => a.needed && navigate('/setup', { replace: true }),
      () => undefined,
    );
  }, [navigate]);
  return (
    <div className="screen screen-home">
      <header className="screen-header">
        <h1>{t('app.name')}</h1>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      <main className="screen-body">
        <h2>{t('home.title')}</h2>
        <nav className="home-links">
          {SCREENS.map((s) => (
            <Link key={s} to={screenPath(s)} className="home-link">
              {t(`role.${s}`)}
              <span className="hint">{screenPath(s)}</span>
            </Link>
          ))}
        </nav>
        <p className="hint">{t('home.ticketHint')}</p>
      </main>
    </div>
  );
}
