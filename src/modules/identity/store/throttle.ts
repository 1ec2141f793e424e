import { sql } from 'kysely';
import { type Exec, q, type ThrottleRow } from './tables.js';

export const readThrottle = (exec: Exec, keys: string[]): Promise<ThrottleRow[]> =>
  q(exec).selectFrom('identity.loginThrottle').selectAll().where('key', 'in', keys).execute();

/**
 * Counts one failure for `key` in a single statement, so that parallel attempts all count
 * (a read-then-write would lose updates). A window older than `windowMs` starts again at 1.
 * Reaching `max` locks the key until `lockedUntil` and starts a new window.
 */
export async function countFailure(
  exec: Exec,
  key: string,
  now: Date,
  windowMs: number,
  max: number,
): Promise<void> {
  const windowStart = new Date(now.getTime() - windowMs);
  const lockedUntil = new Date(now.getTime() + windowMs);
  await sql`
    INSERT INTO identity.login_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, ${now}, ${max <= 1 ? lockedUntil : null})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE
        WHEN t.window_started_at < ${windowStart} THEN 1
        WHEN t.failures + 1 >= ${max} THEN 0
        ELSE t.failures + 1 END,
      window_started_at = CASE
        WHEN t.window_started_at < ${windowStart} OR t.failures + 1 >= ${max} THEN ${now}
        ELSE t.window_started_at END,
      locked_until = CASE
        WHEN t.window_started_at >= ${windowStart} AND t.failures + 1 >= ${max} THEN ${lockedUntil}
        ELSE t.locked_until END
  `.execute(exec);
}

export async function clearThrottle(exec: Exec, key: string): Promise<void> {
  await q(exec).deleteFrom('identity.loginThrottle').where('key', '=', key).execute();
}
