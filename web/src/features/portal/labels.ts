import type { TFunction } from 'i18next';
import type { DossierState, LocalizedText, OnlineClass, PublicProcedure, TimeUnit } from './types';

/** Tag colours of the dossier states (global.css darkens the preset tag texts to AA contrast). */
export const stateColours: Record<DossierState, string> = {
  draft: 'default',
  submitted: 'blue',
  received: 'cyan',
  in_process: 'geekblue',
  awaiting_supplement: 'orange',
  paused: 'gold',
  transferred: 'purple',
  approved: 'lime',
  refused: 'red',
  result_ready: 'green',
  returned: 'green',
  withdrawn: 'default',
  cancelled: 'default',
};

export const onlineClassColours: Record<OnlineClass, string> = {
  full: 'green',
  partial: 'blue',
  info: 'default',
};

/** A text the server gives in Vietnamese and English, in the UI language (Khmer: Vietnamese). */
export function localized(text: LocalizedText | null | undefined, language: string): string {
  if (!text) return '';
  return language === 'en' ? text.en : text.vi;
}

/** "5 ngày làm việc", or the catalogue's own words when it gives no number. */
export function processingTimeText(
  t: TFunction,
  time: number | null,
  unit: TimeUnit | null,
  fallback?: string | null,
): string {
  if (time !== null && unit) return t(`portal.timeUnit.${unit}`, { count: time });
  return fallback?.trim() || t('portal.procedure.timeUnknown');
}

/** "50.000 đồng", or "Không thu phí". */
export function feeText(t: TFunction, vnd: number): string {
  if (vnd <= 0) return t('portal.procedure.free');
  return t('portal.procedure.feeAmount', { amount: new Intl.NumberFormat('vi-VN').format(vnd) });
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A v4 UUID, also where `crypto.randomUUID` is missing (plain-HTTP pages on a LAN address). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Whether a citizen can file this procedure on the portal. */
export function canApplyOnline(p: PublicProcedure): boolean {
  return (
    p.onlineClass !== 'info' &&
    p.submissionModes.includes('online') &&
    !p.carriers.external &&
    p.carriers.agencies.length > 0
  );
}

/**
 * The page of a procedure. Codes have dots ("1.001193"): written as %2E so that the server,
 * which serves any path with a file extension as a static file, gives a reload or a shared
 * link the app rather than a 404. React Router decodes it back.
 */
export function procedurePath(code: string): string {
  return `/portal/procedures/${encodeURIComponent(code).replace(/\./g, '%2E')}`;
}
