/**
 * Calendar dates as 'YYYY-MM-DD' strings and as day numbers (days since 1970-01-01), so
 * date arithmetic never meets a time zone. Pure.
 */

/** A calendar date, 'YYYY-MM-DD', with no time zone: a day of the province's calendar. */
export type IsoDate = string;

// Hand-rolled civil-date conversion (H. Hinnant's algorithm): the deadline loops run it
// for every day they walk, and Date + toISOString is several times slower.

export const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return daysFromCivil(y, mo, d);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 1970-01-01 (day 0) was a Thursday; Saturday and Sunday are the weekend. */
export const weekdayOfNumber = (n: number): number => (((n + 4) % 7) + 7) % 7;

export function isValidIsoDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfNumber(dayNumber(date));
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}
