import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en-gb';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureApi } from '../app/api';
import en from './en.json';
import vi from './vi.json';

export type Language = 'vi' | 'en';
export const languages: readonly Language[] = ['vi', 'en'];

const STORAGE_KEY = 'openprovince.lang';

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);
dayjs.extend(utc);
dayjs.extend(timezone);

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    // storage may be disabled: Vietnamese is the default anyway
  }
  return 'vi';
}

function apply(lang: Language): void {
  // dd/mm/yyyy in both languages, weeks from Monday as in Vietnam
  dayjs.locale(lang === 'en' ? 'en-gb' : 'vi');
  configureApi({ language: lang });
  document.documentElement.lang = lang;
  document.title = i18n.t('app.documentTitle');
}

type Tree = { [key: string]: string | Tree };

// Each feature may carry its own texts in features/<name>/i18n/<lang>.json: merged in here,
// so features do not all edit one big file.
const featureTexts = import.meta.glob<{ default: Tree }>('../features/*/i18n/*.json', {
  eager: true,
});

function merge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] =
      typeof value === 'object' && typeof current === 'object'
        ? merge({ ...current }, value)
        : value;
  }
  return target;
}

function textsOf(language: string, base: Tree): Tree {
  let out: Tree = { ...base };
  for (const [path, mod] of Object.entries(featureTexts)) {
    if (path.endsWith(`/${language}.json`)) out = merge(out, mod.default);
  }
  return out;
}

const lang = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: textsOf('vi', vi as Tree) },
    en: { translation: textsOf('en', en as Tree) },
  },
  lng: lang,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
apply(lang);

export async function setLanguage(next: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, still switched
  }
  await i18n.changeLanguage(next);
  apply(next);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
