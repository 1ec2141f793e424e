/**
 * Working-day arithmetic for statutory deadlines. Pure: no I/O, and "now" is never
 * read here — every instant is an argument, so the rules can be tested exhaustively.
 *
 * The due-date rule (what `dueDateOf` implements):
 * 1. The reception day is the local date, in the province's time zone, of the instant
 *    the dossier was received. A dossier received on a day off, or on a working day at
 *    or after the cut-off hour (16:00 by default), is deemed received at the start of
 *    the next working day: the one-stop rules (Decree 61/2018 Art. 18, now Decree
 *    118/2025) and Decree 45/2020 for online dossiers move a reception outside working
 *    time to the next working day; the cut-off hour itself is set by each province's
 *    one-stop regulation, hence configurable. That date is `countedFrom`.
 * 2. The day of the event is not counted: a period in days runs from the next day
 *    (Civil Code 2015 Art. 147), and only working days count.
 * 3. The due date is the n-th working day after `countedFrom`; n = 0 gives `countedFrom`.
 *    A period ends at the end of its last day (Civil Code Art. 148, which also moves a
 *    last day that is a day off to the next working day — never needed here, as only
 *    working days are counted). Art. 148 puts that end at 24:00; the desk hands results
 *    back in office hours, so the due instant we return is 17:00 local on the due date.
 *    Code deciding "on time / late" should compare local dates (`dueDate`), which is
 *    the same under either reading.
 */
import { dayNumber, fromDayNumber, type IsoDate, weekdayOfNumber } from './civil-date.js';
import { localDateOf, localInstant, toLocalTime } from './local-time.js';

export { addDays, isValidIsoDate, isWeekend, type IsoDate, weekdayOf } from './civil-date.js';
export { localDateOf, localInstant, type LocalTime, toLocalTime } from './local-time.js';

/** The days that break the Monday–Friday pattern; weekends are Saturday and Sunday. */
export type DayRules = Readonly<{
  /** Days with no work: holidays, every day of a Tết break, compensatory and swapped days. */
  daysOff: ReadonlySet<IsoDate>;
  /** Weekend days worked to make up for a swapped day off (e.g. Saturday 26/4/2025). */
  makeupWorkdays: ReadonlySet<IsoDate>;
}>;

export type CountingOptions = Readonly<{
  /** IANA zone of the province, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: string;
  /** Local hour (0–23) from which a reception counts from the next working day. */
  cutoffHour: number;
}>;

export type DueDate = Readonly<{
  /** The day the dossier is deemed received; not itself counted. */
  countedFrom: IsoDate;
  /** The n-th working day after `countedFrom`. */
  dueDate: IsoDate;
  /** `dueDate` at the close of office hours, local time. */
  due: Date;
}>;

/** Close of office hours: the instant a due date ends for the desk. */
export const OFFICE_CLOSE_HOUR = 17;

export const emptyRules: DayRules = { daysOff: new Set(), makeupWorkdays: new Set() };

/** Builds the rules from stored days: `isDayOff` false means a make-up working day. */
export function buildDayRules(days: Iterable<{ date: IsoDate; isDayOff: boolean }>): DayRules {
  const daysOff = new Set<IsoDate>();
  const makeupWorkdays = new Set<IsoDate>();
  for (const d of days) (d.isDayOff ? daysOff : makeupWorkdays).add(d.date);
  return { daysOff, makeupWorkdays };
}

function isWorkingDayNumber(rules: DayRules, n: number): boolean {
  const date = fromDayNumber(n);
  if (rules.makeupWorkdays.has(date)) return true;
  if (rules.daysOff.has(date)) return false;
  const w = weekdayOfNumber(n);
  return w !== 0 && w !== 6;
}

function nextWorkingNumber(rules: DayRules, n: number): number {
  let d = n + 1;
  while (!isWorkingDayNumber(rules, d)) d++;
  return d;
}

export function isWorkingDay(rules: DayRules, date: IsoDate): boolean {
  return isWorkingDayNumber(rules, dayNumber(date));
}

/** The first working day strictly after `date`. Terminates: days off are finite. */
export function nextWorkingDay(rules: DayRules, date: IsoDate): IsoDate {
  return fromDayNumber(nextWorkingNumber(rules, dayNumber(date)));
}

/** The n-th working day after `date` (`date` itself not counted); n = 0 returns `date`. */
export function addWorkingDaysToDate(rules: DayRules, date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0: ${n}`);
  let d = dayNumber(date);
  for (let left = n; left > 0; left--) d = nextWorkingNumber(rules, d);
  return fromDayNumber(d);
}

/** Working days in (from, to]: `from` excluded, `to` included; negative when to < from. */
export function countWorkingDays(rules: DayRules, from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let n = lo + 1; n <= hi; n++) if (isWorkingDayNumber(rules, n)) count++;
  return sign * count;
}

// --- the deadline rules ---

/** The day a dossier received at `received` is deemed received (rule 1 above). */
export function receptionDay(rules: DayRules, received: Date, opts: CountingOptions): IsoDate {
  const local = toLocalTime(received, opts.timeZone);
  const inTime = local.hour < opts.cutoffHour && isWorkingDay(rules, local.date);
  return inTime ? local.date : nextWorkingDay(rules, local.date);
}

/** The due date of a period of `n` working days for a dossier received at `received`. */
export function dueDateOf(
  rules: DayRules,
  received: Date,
  n: number,
  opts: CountingOptions,
): DueDate {
  const countedFrom = receptionDay(rules, received, opts);
  const dueDate = addWorkingDaysToDate(rules, countedFrom, n);
  return { countedFrom, dueDate, due: localInstant(dueDate, OFFICE_CLOSE_HOUR, opts.timeZone) };
}

/** The due instant (close of office hours on the due date); see `dueDateOf`. */
export function addWorkingDays(
  rules: DayRules,
  start: Date,
  n: number,
  opts: CountingOptions,
): Date {
  return dueDateOf(rules, start, n, opts).due;
}

/**
 * Working days from `a` to `b` on local dates: a's day excluded, b's included, negative
 * when b is before a. No cut-off is applied, so it answers "how many working days are
 * left / late"; for a reception before the cut-off on a working day,
 * `workingDaysBetween(s, addWorkingDays(s, n)) === n`. For any other reception, count
 * from its `countedFrom` (`countWorkingDays(rules, countedFrom, dueDate) === n`).
 */
export function workingDaysBetween(
  rules: DayRules,
  a: Date,
  b: Date,
  opts: Pick<CountingOptions, 'timeZone'>,
): number {
  return countWorkingDays(rules, localDateOf(a, opts.timeZone), localDateOf(b, opts.timeZone));
}
