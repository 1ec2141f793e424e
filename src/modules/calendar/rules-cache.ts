import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { buildDayRules, type DayRules } from './working-days.js';

type Exec = Kysely<unknown> | Transaction<unknown>;
type RuleDay = { date: string; isDayOff: boolean };
/** Reads the stored rule days in [from, to] (the store's query, passed in by the service). */
export type LoadRuleDays = (exec: Exec, from: string, to: string) => Promise<RuleDay[]>;

// Other app servers may edit the calendar: a cached year is re-read after this long.
const RULES_TTL_MS = 5 * 60_000;

/**
 * The days off and make-up days per year, read once and kept: every deadline needs them
 * and they change a few times a year. Writers call `invalidate` after their commit.
 */
export function createRulesCache(clock: Clock, load: LoadRuleDays) {
  const cache = new Map<number, { days: RuleDay[]; loadedAt: number }>();
  // Changes on every invalidation, so a read that overlapped a write is not cached.
  let generation = 0;

  return {
    invalidate(year?: number): void {
      generation++;
      if (year === undefined) cache.clear();
      else cache.delete(year);
    },

    async rulesFor(exec: Exec, fromYear: number, toYear: number): Promise<DayRules> {
      const now = clock.now().getTime();
      const years: number[] = [];
      for (let y = fromYear; y <= toYear; y++) years.push(y);
      const stale = years.filter((y) => {
        const hit = cache.get(y);
        return !hit || now - hit.loadedAt > RULES_TTL_MS;
      });
      const fetched = new Map<number, RuleDay[]>(stale.map((y) => [y, []]));
      if (stale.length > 0) {
        const seenGeneration = generation;
        const lo = Math.min(...stale);
        const hi = Math.max(...stale);
        for (const row of await load(exec, `${lo}-01-01`, `${hi}-12-31`)) {
          fetched.get(Number(row.date.slice(0, 4)))?.push(row);
        }
        if (seenGeneration === generation) {
          for (const [y, days] of fetched) cache.set(y, { days, loadedAt: now });
        }
      }
      return buildDayRules(years.flatMap((y) => fetched.get(y) ?? cache.get(y)?.days ?? []));
    },
  };
}
