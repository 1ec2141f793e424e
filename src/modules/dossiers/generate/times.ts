import {
  addDays,
  type CountingOptions,
  type DayRules,
  dueDateOf,
  isWorkingDay,
  localDateOf,
  localInstant,
} from '../../calendar/index.js';
import type { Rng } from './random.js';

/**
 * The generator's clock arithmetic, pure: the province's local days, office hours and the
 * statutory due date of a dossier, on the real working-day calendar (`DayRules` read once).
 */
export type Calendar = {
  rules: DayRules;
  opts: CountingOptions;
};

export type TimeUnit = 'working_day' | 'day' | 'hour' | 'month';

const MINUTE = 60_000;
const HOURS_PER_WORKING_DAY = 8;

export const localDay = (cal: Calendar, at: Date): string => localDateOf(at, cal.opts.timeZone);

/** `date` at `hour`:`minute` local time. */
export function at(cal: Calendar, date: string, hour: number, minute = 0): Date {
  return new Date(localInstant(date, hour, cal.opts.timeZone).getTime() + minute * MINUTE);
}

export const isWorking = (cal: Calendar, date: string): boolean => isWorkingDay(cal.rules, date);

/** The n-th working day after `date` (n ≥ 1), or `date` itself for n = 0. */
export function workingDayAfter(cal: Calendar, date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorking(cal, d)) left--;
  }
  return d;
}

/** The first working day on or after `date`. */
export function workingDayFrom(cal: Calendar, date: string): string {
  return isWorking(cal, date) ? date : workingDayAfter(cal, date, 1);
}

/** Working days from `from` to `to`, both included (0 when to < from). */
export function workingDaysIn(cal: Calendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorking(cal, d)) out.push(d);
  return out;
}

/**
 * A moment in office hours (07:30–11:30, 13:30–17:00 local) on `date`, not before `after`
 * (plus a few minutes); undefined when the day's office hours are over by then.
 */
export function officeMoment(
  cal: Calendar,
  rng: Rng,
  date: string,
  after?: Date,
): Date | undefined {
  const slots: [Date, Date][] = [
    [at(cal, date, 7, 30), at(cal, date, 11, 30)],
    [at(cal, date, 13, 30), at(cal, date, 17, 0)],
  ];
  const floor = after ? after.getTime() + rng.int(5, 40) * MINUTE : -Infinity;
  const open = slots
    .map(([a, b]) => [Math.max(a.getTime(), floor), b.getTime()] as const)
    .filter(([a, b]) => a < b);
  if (open.length === 0) return undefined;
  const total = open.reduce((s, [a, b]) => s + (b - a), 0);
  let x = rng.next() * total;
  for (const [a, b] of open) {
    if (x < b - a) return new Date(Math.floor(a + x));
    x -= b - a;
  }
  return new Date(open.at(-1)![1] - 1);
}

/** An office moment on the first working day on or after `date` that has one after `after`. */
export function nextOfficeMoment(cal: Calendar, rng: Rng, date: string, after?: Date): Date {
  for (let d = workingDayFrom(cal, date); ; d = workingDayAfter(cal, d, 1)) {
    const m = officeMoment(cal, rng, d, after);
    if (m) return m;
  }
}

/** Any moment of a citizen's day on `date` (online submissions: 06:00–23:00, mostly daytime). */
export function citizenMoment(cal: Calendar, rng: Rng, date: string): Date {
  const hour = rng.chance(0.8) ? rng.int(7, 17) : rng.pick([6, 18, 19, 20, 21, 22]);
  return at(cal, date, hour, rng.int(0, 59));
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + Math.ceil(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The statutory due instant of a dossier received at `receivedAt`: the same rules as the
 * service's `timing.dueAt` (service/timing.ts; the generator test checks that they agree) —
 * working days counted from the reception day (16:00 cut-off), hours as whole working days
 * of 8 hours, days and months on the civil calendar with a last day off moved to the next
 * working day.
 */
export function dueAtOf(cal: Calendar, receivedAt: Date, time: number, unit: TimeUnit): Date {
  switch (unit) {
    case 'working_day':
      return dueDateOf(cal.rules, receivedAt, Math.ceil(time), cal.opts).due;
    case 'hour':
      return dueDateOf(cal.rules, receivedAt, Math.ceil(time / HOURS_PER_WORKING_DAY), cal.opts)
        .due;
    case 'day':
    case 'month': {
      const from = dueDateOf(cal.rules, receivedAt, 0, cal.opts).countedFrom;
      const date = unit === 'day' ? addDays(from, Math.ceil(time)) : addMonths(from, time);
      return dueDateOf(cal.rules, at(cal, date, 8), 0, cal.opts).due;
    }
  }
}
