/** The timeline's outcome of a received dossier (the shares below) and the day it finishes on. */
import { addDays } from '../../calendar/index.js';
import type { Rng } from './random.js';
import type { LifeEnv } from './timeline.js';
import { nextOfficeMoment, officeMoment, workingDayAfter, workingDaysIn } from './times.js';

/**
 * Outcome shares: of every received dossier 2 % refused, 1 % withdrawn, 0.3 % cancelled while
 * waiting for a supplement that never came, 4.2 % stuck far past the due date, and the rest
 * settled with a result — 70 % early, 25 % on the due day, 5 % late. Dossiers still open at
 * the horizon (received late in the year, or stuck) are in progress, some of them overdue.
 */
export type Outcome =
  'early' | 'on_time' | 'late' | 'stuck' | 'refused' | 'withdrawn' | 'cancelled';

export function outcomeOf(rng: Rng): Outcome {
  const x = rng.next();
  if (x < 0.02) return 'refused';
  if (x < 0.03) return 'withdrawn';
  if (x < 0.033) return 'cancelled';
  if (x < 0.075) return 'stuck';
  const y = rng.next();
  return y < 0.7 ? 'early' : y < 0.95 ? 'on_time' : 'late';
}

/** The day the outcome finishes on; the instant is picked in office hours after reception. */
export function finishDay(env: LifeEnv, rng: Rng, outcome: Outcome, dayR: string, dueDay: string) {
  const { cal } = env;
  const among = (days: string[]) => days[Math.floor(days.length * rng.next() ** 1.5)];
  switch (outcome) {
    case 'early':
      return among(workingDaysIn(cal, dayR, addDays(dueDay, -1))) ?? dueDay;
    case 'on_time':
      return dueDay;
    case 'late':
      return workingDayAfter(cal, dueDay, 1 + rng.geometric(0.35));
    case 'stuck':
      return workingDayAfter(cal, dueDay, 60 + rng.geometric(0.005));
    case 'refused':
      return rng.pick(workingDaysIn(cal, dayR, dueDay).concat(dayR));
    case 'withdrawn':
      return rng.pick(workingDaysIn(cal, dayR, workingDayAfter(cal, dueDay, 2)).concat(dayR));
    case 'cancelled':
      return workingDayAfter(cal, dayR, rng.int(5, 20));
  }
}

/** An office moment on `day` after `after`, or on the next working day that still has one. */
export function momentOn(env: LifeEnv, rng: Rng, day: string, after: Date): Date {
  return (
    officeMoment(env.cal, rng, day, after) ??
    nextOfficeMoment(env.cal, rng, workingDayAfter(env.cal, day, 1), after)
  );
}
