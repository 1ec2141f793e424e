import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import type { AuditService } from '../audit/index.js';
import {
  MAX_YEAR,
  MIN_YEAR,
  type DayList,
  type SpecialDay,
  type UpsertDayInput,
} from './schema.js';
import { createRulesCache } from './rules-cache.js';
import { defaultHolidayFile, readHolidayFile } from './seed-data.js';
import * as store from './store.js';
import {
  type CountingOptions,
  type DueDate,
  dueDateOf,
  isValidIsoDate,
  isWeekend,
  localDateOf,
  OFFICE_CLOSE_HOUR,
  workingDaysBetween,
} from './working-days.js';

/** Reads may run on the root database or inside a caller's transaction. */
type Exec = Kysely<unknown> | Transaction<unknown>;
/** Writes open their own transaction, so they take the root database. */
type Db = Kysely<unknown>;

export type CalendarServiceDeps = {
  clock: Clock;
  audit: AuditService;
  config: Pick<Config, 'timeZone' | 'cutoffHour'>;
  /** The holiday file to seed from; the bundled one by default. */
  holidayFile?: string;
};

export type SeedResult = { seededYears: number[]; inserted: number; skipped: number };

const yearOf = (date: string): number => Number(date.slice(0, 4));

const invalidDayText = {
  date: {
    vi: `Ngày phải trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}.`,
    en: `The date must be within the years ${MIN_YEAR}–${MAX_YEAR}.`,
  },
  makeup_is_day_off: {
    vi: 'Ngày làm bù là ngày làm việc, không phải ngày nghỉ.',
    en: 'A make-up working day cannot be a day off.',
  },
  makeup_not_weekend: {
    vi: 'Ngày làm bù phải là Thứ Bảy hoặc Chủ Nhật.',
    en: 'A make-up working day must be a Saturday or a Sunday.',
  },
  day_off_not_off: {
    vi: 'Ngày lễ, Tết, nghỉ bù, nghỉ hoán đổi phải là ngày nghỉ.',
    en: 'Holidays, Tết, compensatory and swapped days must be days off.',
  },
} as const;

function invalidDay(reason: keyof typeof invalidDayText): DomainError {
  return new DomainError('invalid', 'calendar.invalid_day', invalidDayText[reason], { reason });
}

const outOfRange = (): DomainError =>
  new DomainError(
    'invalid',
    'calendar.out_of_range',
    {
      vi: `Chỉ tính ngày làm việc trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}.`,
      en: `Working days are computed for the years ${MIN_YEAR}–${MAX_YEAR} only.`,
    },
    { minYear: MIN_YEAR, maxYear: MAX_YEAR },
  );

const dayNotFound = (): DomainError =>
  new DomainError('not_found', 'calendar.day_not_found', {
    vi: 'Ngày này không có trong lịch ngày nghỉ, ngày làm bù.',
    en: 'This date is not in the calendar of special days.',
  });

/** The checks the table also enforces, made here first so the caller gets a clear code. */
function checkDay(date: string, input: UpsertDayInput): void {
  if (!isValidIsoDate(date) || yearOf(date) < MIN_YEAR || yearOf(date) > MAX_YEAR)
    throw invalidDay('date');
  if (input.kind === 'makeup_workday') {
    if (input.isDayOff) throw invalidDay('makeup_is_day_off');
    if (!isWeekend(date)) throw invalidDay('makeup_not_weekend');
  } else if (!input.isDayOff) {
    throw invalidDay('day_off_not_off');
  }
}

export function createCalendarService({
  clock,
  audit,
  config,
  holidayFile = defaultHolidayFile,
}: CalendarServiceDeps) {
  const opts: CountingOptions = { timeZone: config.timeZone, cutoffHour: config.cutoffHour };
  localDateOf(new Date(0), opts.timeZone); // an unknown time zone stops start-up, not the first request

  const { rulesFor, invalidate } = createRulesCache(clock, store.findRuleDays);

  function localYear(instant: Date): number {
    if (Number.isNaN(instant.getTime())) throw outOfRange();
    const year = yearOf(localDateOf(instant, opts.timeZone));
    if (year < MIN_YEAR || year > MAX_YEAR) throw outOfRange();
    return year;
  }

  /** Due date of `n` working days from a reception at `start`; see working-days.ts. */
  async function computeDueDate(exec: Exec, start: Date, n: number): Promise<DueDate> {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new DomainError('invalid', 'calendar.invalid_period', {
        vi: 'Số ngày làm việc phải là số nguyên không âm.',
        en: 'The number of working days must be a whole number ≥ 0.',
      });
    }
    const fromYear = localYear(start);
    // Load the start's year; when the count runs into a later year, load up to it and
    // count again (more days off only move the result later, so this settles).
    for (let toYear = fromYear; ;) {
      const result = dueDateOf(await rulesFor(exec, fromYear, toYear), start, n, opts);
      const reached = yearOf(result.dueDate);
      if (reached <= toYear) return result;
      if (reached > MAX_YEAR) throw outOfRange();
      toYear = reached;
    }
  }

  return {
    settings: () => ({
      timeZone: opts.timeZone,
      cutoffHour: opts.cutoffHour,
      officeCloseHour: OFFICE_CLOSE_HOUR,
    }),

    computeDueDate,

    /** The due instant (17:00 local on the due date) of `n` working days from `start`. */
    async addWorkingDays(exec: Exec, start: Date, n: number): Promise<Date> {
      return (await computeDueDate(exec, start, n)).due;
    },

    /** Working days from a's local date (excluded) to b's (included); negative when b < a. */
    async workingDaysBetween(exec: Exec, a: Date, b: Date): Promise<number> {
      const ya = localYear(a);
      const yb = localYear(b);
      return workingDaysBetween(
        await rulesFor(exec, Math.min(ya, yb), Math.max(ya, yb)),
        a,
        b,
        opts,
      );
    },

    async listDays(exec: Exec, year: number): Promise<DayList> {
      if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw outOfRange();
      return { year, items: await store.findDays(exec, `${year}-01-01`, `${year}-12-31`) };
    },

    /** Creates or corrects one day; the admin's version is marked `set_by_admin`. */
    async upsertDay(
      db: Db,
      ctx: RequestContext,
      date: string,
      input: UpsertDayInput,
    ): Promise<SpecialDay> {
      checkDay(date, input);
      const day = await db.transaction().execute(async (trx) => {
        await store.lockCalendar(trx);
        const before = await store.findDay(trx, date);
        const after = await store.upsertDay(trx, {
          date,
          kind: input.kind,
          name: input.name,
          isDayOff: input.isDayOff,
          status: 'set_by_admin',
          source: input.source ?? null,
          note: input.note ?? null,
          updatedAt: clock.now(),
          updatedBy: ctx.actor?.userId ?? null,
        });
        await audit.record(trx, ctx, {
          action: before ? 'calendar.day_update' : 'calendar.day_create',
          targetType: 'calendar.day',
          targetId: date,
          before: before ?? null,
          after,
        });
        return after;
      });
      invalidate(yearOf(date)); // after commit: a read in between would cache the old rows
      return day;
    },

    async deleteDay(db: Db, ctx: RequestContext, date: string): Promise<void> {
      if (!isValidIsoDate(date)) throw dayNotFound();
      await db.transaction().execute(async (trx) => {
        await store.lockCalendar(trx);
        const before = await store.findDay(trx, date);
        if (!before) throw dayNotFound();
        await store.deleteDay(trx, date);
        await audit.record(trx, ctx, {
          action: 'calendar.day_delete',
          targetType: 'calendar.day',
          targetId: date,
          before,
          after: null,
        });
      });
      invalidate(yearOf(date));
    },

    /**
     * Loads the bundled holidays for every year not loaded before, in one transaction
     * with one audit event. A date already present is skipped (never overwritten), and a
     * year is never loaded twice, so an admin's deletion stays deleted.
     */
    async seedHolidays(db: Db, ctx: RequestContext): Promise<SeedResult> {
      const rows = await readHolidayFile(holidayFile); // file I/O before the transaction
      const source = path.basename(holidayFile);
      const years = [...new Set(rows.map((r) => yearOf(r.date)))].sort((a, b) => a - b);
      const result = await db.transaction().execute(async (trx): Promise<SeedResult> => {
        await store.lockCalendar(trx);
        const now = clock.now();
        const claimed = await store.claimSeedYears(trx, years, source, now);
        if (claimed.length === 0) return { seededYears: [], inserted: 0, skipped: 0 };
        const wanted = rows.filter((r) => claimed.includes(yearOf(r.date)));
        const inserted = await store.insertMissingDays(
          trx,
          wanted.map((r) => ({ ...r, updatedAt: now, updatedBy: null })),
        );
        const summary = { seededYears: claimed, inserted, skipped: wanted.length - inserted };
        await audit.record(trx, ctx, {
          action: 'calendar.seed',
          targetType: 'calendar.special_days',
          targetId: source,
          after: { ...summary, yearsAlreadySeeded: years.filter((y) => !claimed.includes(y)) },
        });
        return summary;
      });
      if (result.seededYears.length > 0) invalidate();
      return result;
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
