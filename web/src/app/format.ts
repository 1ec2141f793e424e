import dayjs from 'dayjs';

/** Date and time in the UI language's short form (dd/mm/yyyy hh:mm in Vietnamese). */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('L LT') : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('L') : '—';
}

/** Removes Vietnamese diacritics for accent-insensitive filtering in the browser. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
