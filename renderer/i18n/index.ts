/// <reference types="vite/client" />
// i18next set-up: zh-CN first and default, en second; the choice is kept in localStorage so
// that a kiosk or display keeps its language across reloads.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';
import { mergeAreas, type AreaStrings } from './areas';

// Each feature keeps its strings in its own file under ./areas (e.g. areas/kiosk.ts exporting
// `strings = { 'zh-CN': {...}, en: {...} }`), merged over the shared ones by top-level key.
const areas = Object.values(import.meta.glob<{ strings: AreaStrings }>('./areas/*.ts', { eager: true })).map((m) => m.strings);

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
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
