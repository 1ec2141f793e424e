import dayjs from 'dayjs';

/** Date and time in the UI language's short form (dd/mm/yyyy hh:mm in Vietnamese). */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('L LT') : '—';
}

/** "Thứ năm, 15/10/2026": weekday first, capitalised. */
export function longDate(value: string): string {
  const text = dayjs(value).format('dddd, L');
  return text.charAt(0).toUpperCase() + text.slice(1);
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
