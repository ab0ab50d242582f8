// The plain index: a link to each role's screen.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Screen } from '../auth/session';
import { LanguageSwitch } from '../ui/LanguageSwitch';

const SCREENS: Screen[] = ['kiosk', 'counter', 'manager', 'display', 'supervisor', 'admin'];

export function Home() {
  const { t } = useTranslation();
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
            <Link key={s} to={`/${s}`} className="home-link">
              {t(`role.${s}`)}
              <span className="hint">/{s}</span>
            </Link>
          ))}
        </nav>
        <p className="hint">{t('home.ticketHint')}</p>
      </main>
    </div>
  );
}
