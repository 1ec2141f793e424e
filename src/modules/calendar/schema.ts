import { z } from 'zod';

/** The years the calendar accepts: wide enough for any dossier, narrow enough to bound loops. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * What a special day is. Every kind but `makeup_workday` is a day off; a Tết break row
 * exists for every day of the break, weekends included, as the government announces it.
 */
export const DayKind = z.enum([
  'holiday',
  'tet_break',
  'compensatory',
  'swapped_day_off',
  'makeup_workday',
]);
export type DayKind = z.infer<typeof DayKind>;

/** Where a row comes from: the seed file's three statuses, or a correction by the admin. */
export const DayStatus = z.enum([
  'official_verified',
  'official_unverified',
  'computed_from_rules',
  'set_by_admin',
]);
export type DayStatus = z.infer<typeof DayStatus>;

export const SpecialDay = z.object({
  date: z.iso.date(),
  kind: DayKind,
  name: z.string(),
  isDayOff: z.boolean(),
  status: DayStatus,
  source: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.date(),
  updatedBy: z.uuid().nullable(),
});
export type SpecialDay = z.infer<typeof SpecialDay>;

export const DayParams = z.object({ date: z.iso.date() });
export type DayParams = z.infer<typeof DayParams>;

export const ListDaysQuery = z.object({
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR),
});
export type ListDaysQuery = z.infer<typeof ListDaysQuery>;

export const DayList = z.object({ year: z.number().int(), items: z.array(SpecialDay) });
export type DayList = z.infer<typeof DayList>;

/** An admin's correction of one day. `source` names the government text that fixed it. */
export const UpsertDayInput = z.strictObject({
  kind: DayKind,
  name: z.string().trim().min(1).max(200),
  isDayOff: z.boolean(),
  source: z.string().trim().max(500).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type UpsertDayInput = z.infer<typeof UpsertDayInput>;

/** An instant with its offset, e.g. 2025-04-25T15:59:00+07:00: never a bare local time. */
const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const DueDateQuery = z.object({
  start: Instant,
  days: z.coerce.number().int().min(0).max(366),
});
export type DueDateQuery = z.infer<typeof DueDateQuery>;

export const DueDateResult = z.object({
  start: z.date(),
  /** Close of office hours on `dueDate`, local time. */
  due: z.date(),
  dueDate: z.iso.date(),
  /** The day the dossier is deemed received (not counted). */
  countedFrom: z.iso.date(),
});
export type DueDateResult = z.infer<typeof DueDateResult>;

export const WorkingDaysQuery = z.object({ from: Instant, to: Instant });
export type WorkingDaysQuery = z.infer<typeof WorkingDaysQuery>;

export const WorkingDaysResult = z.object({ days: z.number().int() });
export type WorkingDaysResult = z.infer<typeof WorkingDaysResult>;

export const CalendarSettings = z.object({
  timeZone: z.string(),
  cutoffHour: z.number().int(),
  officeCloseHour: z.number().int(),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;
