import { addDays, localDateOf, localInstant } from '../../calendar/index.js';
import type { DossierRow, TimeUnit } from '../store/tables.js';
import type { DossierDeps, Trx } from './deps.js';
import { dossierErrors as E } from './errors.js';

/** Hours are counted as whole working days of 8 hours, rounded up. */
const HOURS_PER_WORKING_DAY = 8;

/**
 * Deadlines of a dossier, on the province's working-day calendar:
 * - due date at reception from the procedure's processing time;
 * - a stopped clock (waiting for a supplement, paused) moves the due date by the working
 *   days it stood still, so the processing time left is kept;
 * - an extension (apology, form 04) moves the appointment told to the applicant, not the
 *   statutory due date: the dossier still counts as late in the report if settled after it.
 */
export function createTiming({ calendar, config }: Pick<DossierDeps, 'calendar' | 'config'>) {
  const tz = config.timeZone;
  const localDay = (at: Date): string => localDateOf(at, tz);
  /** 08:00 local on a date: before the cut-off, so counting starts on that very date. */
  const morningOf = (date: string): Date => localInstant(date, 8, tz);

  async function dueAt(
    trx: Trx,
    receivedAt: Date,
    time: number | null,
    unit: TimeUnit | null,
  ): Promise<Date> {
    if (time === null || unit === null || !(time >= 0)) throw E.procedureWithoutTime();
    switch (unit) {
      case 'working_day':
        return (await calendar.computeDueDate(trx, receivedAt, Math.ceil(time))).due;
      case 'hour':
        return (
          await calendar.computeDueDate(trx, receivedAt, Math.ceil(time / HOURS_PER_WORKING_DAY))
        ).due;
      case 'day':
      case 'month': {
        const from = (await calendar.computeDueDate(trx, receivedAt, 0)).countedFrom;
        const date = unit === 'day' ? addDays(from, Math.ceil(time)) : addMonths(from, time);
        // A last day that is a day off moves to the next working day (Civil Code Art. 148).
        return (await calendar.computeDueDate(trx, morningOf(date), 0)).due;
      }
    }
  }

  /** The due date moved by the working days the clock stood still. */
  async function resumedDue(trx: Trx, d: DossierRow, now: Date): Promise<Date | null> {
    if (!d.dueAt || !d.clockStoppedAt) return d.dueAt;
    const stopped = Math.max(0, await calendar.workingDaysBetween(trx, d.clockStoppedAt, now));
    if (stopped === 0) return d.dueAt;
    return (await calendar.computeDueDate(trx, morningOf(localDay(d.dueAt)), stopped)).due;
  }

  async function extendedAppointment(trx: Trx, from: Date, extraDays: number): Promise<Date> {
    return (await calendar.computeDueDate(trx, morningOf(localDay(from)), extraDays)).due;
  }

  /** End of the n-th working day from now: the "due within 2 working days" horizon. */
  async function workingDaysAhead(trx: Trx | DossierDeps['db'], now: Date, n: number) {
    return (await calendar.computeDueDate(trx, morningOf(localDay(now)), n)).due;
  }

  return { localDay, dueAt, resumedDue, extendedAppointment, workingDaysAhead };
}
export type Timing = ReturnType<typeof createTiming>;

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + Math.ceil(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
