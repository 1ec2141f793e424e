import { type Kysely, sql, type Transaction } from 'kysely';
import { type Executor, narrow } from '../../platform/db/executor.js';
import type { DayKind, DayStatus, SpecialDay } from './schema.js';

type SpecialDayRow = {
  date: string;
  kind: DayKind;
  name: string;
  isDayOff: boolean;
  status: DayStatus;
  source: string | null;
  note: string | null;
  updatedAt: Date;
  updatedBy: string | null;
};

export type CalendarTables = {
  'calendar.specialDays': SpecialDayRow;
  'calendar.seededYears': { year: number; source: string; seededAt: Date };
};

type Exec = Kysely<unknown> | Transaction<unknown>;
const q = (exec: Exec): Executor<CalendarTables> => narrow<CalendarTables>(exec);

// `date` read as text: the same 'YYYY-MM-DD' whatever type parser the driver has.
const dateText = sql<string>`to_char("date", 'YYYY-MM-DD')`.as('date');
const columns = [
  'kind',
  'name',
  'isDayOff',
  'status',
  'source',
  'note',
  'updatedAt',
  'updatedBy',
] as const;

/** Serialises calendar writers, so an audit record's "before" is the row really replaced. */
export async function lockCalendar(trx: Transaction<unknown>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('calendar.special_days'))`.execute(trx);
}

/** Days in [from, to], in date order. */
export async function findDays(exec: Exec, from: string, to: string): Promise<SpecialDay[]> {
  return q(exec)
    .selectFrom('calendar.specialDays')
    .select([dateText, ...columns])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function findDay(exec: Exec, date: string): Promise<SpecialDay | undefined> {
  return q(exec)
    .selectFrom('calendar.specialDays')
    .select([dateText, ...columns])
    .where('date', '=', date)
    .executeTakeFirst();
}

/** Only what the working-day rules need, for [from, to]. */
export async function findRuleDays(
  exec: Exec,
  from: string,
  to: string,
): Promise<{ date: string; isDayOff: boolean }[]> {
  return q(exec)
    .selectFrom('calendar.specialDays')
    .select([dateText, 'isDayOff'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

export async function upsertDay(exec: Exec, row: SpecialDayRow): Promise<SpecialDay> {
  const { date, ...rest } = row;
  return q(exec)
    .insertInto('calendar.specialDays')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet(rest))
    .returning([dateText, ...columns])
    .executeTakeFirstOrThrow();
}

export async function deleteDay(exec: Exec, date: string): Promise<boolean> {
  const result = await q(exec)
    .deleteFrom('calendar.specialDays')
    .where('date', '=', date)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Inserts the rows whose date is free; returns how many went in. */
export async function insertMissingDays(exec: Exec, rows: SpecialDayRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q(exec)
    .insertInto('calendar.specialDays')
    .values(rows)
    .onConflict((oc) => oc.column('date').doNothing())
    .returning('date')
    .execute();
  return inserted.length;
}

/**
 * Claims the years not seeded yet and returns them. A concurrent seeder waits on the
 * primary key and then claims nothing, so each year is loaded once.
 */
export async function claimSeedYears(
  exec: Exec,
  years: number[],
  source: string,
  seededAt: Date,
): Promise<number[]> {
  if (years.length === 0) return [];
  const claimed = await q(exec)
    .insertInto('calendar.seededYears')
    .values(years.map((year) => ({ year, source, seededAt })))
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('year')
    .execute();
  return claimed.map((r) => r.year).sort((a, b) => a - b);
}
