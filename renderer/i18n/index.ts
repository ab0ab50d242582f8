/// <reference types="vite/client" />
// i18next set-up: zh-CN first and default, en second; the choice is kept in localStorage so
// that a kiosk or display keeps its language across reloads.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { LANGUAGES, mergeAreas, type Language } from './areas';
import { customerAreaFiles } from './customer-areas';

// Each feature keeps its strings in its own file under ./areas (e.g. areas/kiosk.ts exporting
// `strings = { 'zh-CN': {...}, en: {...} }`), merged over the shared ones by top-level key.
// Only the customer-facing screens' areas are bundled here (customer-areas.ts); a staff screen
// adds the others when it loads (staff-areas.ts), so a kiosk never downloads the staff's words.
const areas = Object.values(customerAreaFiles).map((m) => m.strings);

export { LANGUAGES, type Language };
const STORAGE_KEY = 'atrium.lang';

function storedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: mergeAreas(zhCN, areas, 'zh-CN') },
    en: { translation: mergeAreas(en, areas, 'en') },
  },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false, // resources are bundled: render the first frame translated
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
});

export function setLanguage(lng: Language): void {
  void i18n.changeLanguage(lng);
}

export default i18n;
