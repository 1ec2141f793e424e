/** A moment as read on a wall clock in one time zone. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(date: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(date).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * Decree 30/2020 writes a day below 10 and the months 1 and 2 with a leading zero:
 * "ngày 05 tháng 3 năm 2021", "ngày 15 tháng 02 năm 2021".
 */
export function decreeDate(date: Date, timeZone: string): string {
  const { year, month, day } = wallClock(date, timeZone);
  return `ngày ${two(day)} tháng ${month < 3 ? two(month) : month} năm ${year}`;
}

/** The place-and-date line of an administrative paper: "Trà Vinh, ngày 05 tháng 3 năm 2021". */
export function placeDateLine(place: string, date: Date, timeZone: string): string {
  return `${place}, ${decreeDate(date, timeZone)}`;
}

/** "08 giờ 30 phút, ngày 05 tháng 3 năm 2021". */
export function decreeTimeAndDate(date: Date, timeZone: string): string {
  const { hour, minute } = wallClock(date, timeZone);
  return `${two(hour)} giờ ${two(minute)} phút, ${decreeDate(date, timeZone)}`;
}

/** Compact form for table cells: "08:30 ngày 05/03/2021". */
export function shortTimeAndDate(date: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClock(date, timeZone);
  return `${two(hour)}:${two(minute)} ngày ${two(day)}/${two(month)}/${year}`;
}
