/**
 * Calendar: the province's working days. Public holidays, Tết breaks, compensatory and
 * swapped days off and make-up Saturdays are data (seeded from the bundled file, then
 * corrected by the department admin), and statutory deadlines are counted on them.
 * Other modules call `calendar.addWorkingDays(db, start, n)` / `workingDaysBetween`.
 */
export { calendarRoutes, type CalendarRoutesDeps } from './routes.js';
export {
  createCalendarService,
  type CalendarService,
  type CalendarServiceDeps,
  type SeedResult,
} from './service.js';
export {
  CalendarSettings,
  DayKind,
  DayStatus,
  DueDateResult,
  SpecialDay,
  UpsertDayInput,
} from './schema.js';
/** The pure rules, for code that already holds a `DayRules` (and for the web app). */
export {
  addDays,
  addWorkingDays,
  buildDayRules,
  localDateOf,
  localInstant,
  countWorkingDays,
  dueDateOf,
  isWorkingDay,
  OFFICE_CLOSE_HOUR,
  receptionDay,
  workingDaysBetween,
  type CountingOptions,
  type DayRules,
  type DueDate,
  type IsoDate,
} from './working-days.js';

/** Permissions this module checks: reading the calendar and deadlines; editing the days. */
export const calendarPermissions = ['calendar.read', 'calendar.manage'] as const;
