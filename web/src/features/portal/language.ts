import dayjs from 'dayjs';
import 'dayjs/locale/km';
import { configureApi } from '../../app/api';
import i18n, { setLanguage } from '../../i18n';
import km from './i18n/km.json';

/**
 * Khmer for the citizen portal (many citizens of Trà Vinh are Khmer). The app's languages are
 * Vietnamese and English; Khmer is added here, for the portal's texts only: any text without a
 * Khmer translation (the officials' screens, server messages, catalogue contents) falls back to
 * Vietnamese through i18next's `fallbackLng`.
 */
export type PortalLanguage = 'vi' | 'en' | 'km';

const STORAGE_KEY = 'openprovince.lang';
let khmerLoaded = false;

function loadKhmer(): void {
  if (khmerLoaded) return;
  i18n.addResourceBundle('km', 'translation', km, true, true);
  khmerLoaded = true;
}

export function portalLanguage(language: string): PortalLanguage {
  return language === 'en' || language === 'km' ? language : 'vi';
}

export async function setPortalLanguage(next: PortalLanguage): Promise<void> {
  if (next !== 'km') {
    await setLanguage(next);
    return;
  }
  loadKhmer();
  try {
    localStorage.setItem(STORAGE_KEY, 'km');
  } catch {
    // not remembered, still switched
  }
  await i18n.changeLanguage('km');
  dayjs.locale('km');
  // The server speaks Vietnamese and English: its messages come in Vietnamese.
  configureApi({ language: 'km' });
  document.documentElement.lang = 'km';
}

/** Khmer chosen on an earlier visit (the app itself starts in Vietnamese then). */
export function khmerRemembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'km';
  } catch {
    return false;
  }
}
