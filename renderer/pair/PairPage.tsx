// The Electron shell's first-run page (and a plain browser's): pair this terminal with the
// hub by its one-time code, then open the screen of the role the code was made for.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PairForm } from '../auth/PairForm';
import { screenPath } from '../auth/session';
import { LanguageSwitch } from '../ui/LanguageSwitch';

export function PairPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="pair-page">
      <header className="pair-page-header">
        <h1>{t('pair.firstRun')}</h1>
        <LanguageSwitch />
      </header>
      <PairForm screen={null} onPaired={(screen) => navigate(screenPath(screen), { replace: true })} />
    </div>
  );
}
