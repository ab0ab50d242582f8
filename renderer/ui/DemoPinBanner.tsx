// Shown on every staff screen while the signed-in account uses a demo PIN (the hub tells us).
import { useTranslation } from 'react-i18next';

export function DemoPinBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-pin-banner" role="alert" data-testid="demo-pin-banner">
      {t('demoPin')}
    </div>
  );
}
