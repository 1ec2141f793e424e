import { DAY_MS, dayNumber, fromDayNumber, type IsoDate } from './civil-date.js';

/**
 * Instants and the province's local time. Pure. A zone's offset comes from Intl (the tz
 * database shipped with Node), never from the server's own zone. Intl is slow (~5 µs a
 * call), so a zone whose offset does not change from 2000 to 2100 (Asia/Ho_Chi_Minh:
 * +07:00 since 1975) is applied as a constant within those years.
 */

const HOUR_MS = 3_600_000;
const FIXED_FROM = Date.UTC(2000, 0, 1);
const FIXED_TO = Date.UTC(2101, 0, 1);

type Zone = { format: Intl.DateTimeFormat; fixedOffset: number | null };
const zones = new Map<string, Zone>();

/** Offset (wall clock − UTC) at `ms`, read from Intl. */
function intlOffset(format: Intl.DateTimeFormat, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) p[part.type] = Number(part.value);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

function zoneFor(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    // Throws RangeError for an unknown zone: the service builds one at start-up to fail early.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Weekly samples catch DST and even month-long suspensions (Morocco in Ramadan).
    const first = intlOffset(format, FIXED_FROM);
    let fixed = true;
    for (let ms = FIXED_FROM; ms < FIXED_TO && fixed; ms += 7 * DAY_MS)
      fixed = intlOffset(format, ms) === first;
    zone = { format, fixedOffset: fixed ? first : null };
    zones.set(timeZone, zone);
  }
  return zone;
}

function offsetAt(zone: Zone, ms: number): number {
  return zone.fixedOffset !== null && ms >= FIXED_FROM && ms < FIXED_TO
    ? zone.fixedOffset
    : intlOffset(zone.format, ms);
}

export type LocalTime = Readonly<{ date: IsoDate; hour: number; minute: number; second: number }>;

/** The wall-clock date and time of `instant` in `timeZone`. */
export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid instant');
  const wall = ms + offsetAt(zoneFor(timeZone), ms);
  const day = Math.floor(wall / DAY_MS);
  const inDay = wall - day * DAY_MS;
  return {
    date: fromDayNumber(day),
    hour: Math.floor(inDay / HOUR_MS),
    minute: Math.floor((inDay % HOUR_MS) / 60_000),
    second: Math.floor((inDay % 60_000) / 1000),
  };
}

export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return toLocalTime(instant, timeZone).date;
}

/** The instant at which the wall clock in `timeZone` reads `date` `hour`:00. */
export function localInstant(date: IsoDate, hour: number, timeZone: string): Date {
  const zone = zoneFor(timeZone);
  const wanted = dayNumber(date) * DAY_MS + hour * HOUR_MS;
  // Subtract the offset found near the answer; a second look settles an offset change
  // between the guess and the answer (a DST day elsewhere).
  let guess = wanted - offsetAt(zone, wanted);
  guess = wanted - offsetAt(zone, guess);
  return new Date(guess);
}
