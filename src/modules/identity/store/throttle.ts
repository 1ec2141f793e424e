import { type Exec, q, type ThrottleRow } from './tables.js';

export const readThrottle = (exec: Exec, keys: string[]): Promise<ThrottleRow[]> =>
  q(exec).selectFrom('identity.loginThrottle').selectAll().where('key', 'in', keys).execute();

export async function writeThrottle(exec: Exec, row: ThrottleRow): Promise<void> {
  await q(exec)
    .insertInto('identity.loginThrottle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        windowStartedAt: row.windowStartedAt,
        lockedUntil: row.lockedUntil,
      }),
    )
    .execute();
}

export async function clearThrottle(exec: Exec, key: string): Promise<void> {
  await q(exec).deleteFrom('identity.loginThrottle').where('key', '=', key).execute();
}
