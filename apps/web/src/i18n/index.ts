import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { CATALOGUES } from './catalogues';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
const STORAGE_KEY = 'weibao.lang';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage can be disabled (private mode); fall back to the default
  }
}

/** True when the user has explicitly picked a language on this browser (then it wins over Me.locale). */
export function hasStoredLanguage(): boolean {
  return storedLang() !== null;
}

// The product is Chinese-first: zh-CN is the default regardless of the browser language.
const initial: Lang = storedLang() ?? 'zh-CN';

function applyToDocument(lang: Lang): void {
  // Absent when the catalogues are loaded by a unit test under Node.
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: CATALOGUES['zh-CN'] }, en: { translation: CATALOGUES.en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGS],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
applyToDocument(initial);
i18n.on('languageChanged', (lng) => applyToDocument(isLang(lng) ? lng : 'zh-CN'));

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switch language; `persist` is false when following the server-side Me.locale. */
export function setLanguage(lang: Lang, persist = true): void {
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* ignore */
    }
  }
  void i18n.changeLanguage(lang);
}

export default i18n;
