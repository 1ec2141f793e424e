import * as throttle from '../store/throttle.js';
import type { IdentityDeps } from './deps.js';
import { identityErrors as E } from './errors.js';

/**
 * Failed password (and TOTP) attempts, counted per username — existing or not — and per
 * client address (ten times the limit), for sign-in and for the "current password" checks of
 * a signed-in session alike. At LOGIN_MAX_FAILURES a key is locked for LOGIN_LOCK_MINUTES.
 */
export function createThrottle({ db, config }: Pick<IdentityDeps, 'db' | 'config'>) {
  const windowMs = config.loginLockMinutes * 60_000;
  const keysOf = (username: string, clientIp: string | null) => [
    `u:${username}`,
    ...(clientIp ? [`ip:${clientIp}`] : []),
  ];
  return {
    keysOf,
    /** Throws auth.locked while any key is locked. */
    async checkNotLocked(keys: string[], now: Date): Promise<void> {
      const rows = await throttle.readThrottle(db, keys);
      const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
      if (until > now.getTime()) throw E.locked(Math.ceil((until - now.getTime()) / 1000));
    },
    async recordFailure(keys: string[], now: Date): Promise<void> {
      for (const key of keys) {
        const max = key.startsWith('ip:') ? config.loginMaxFailures * 10 : config.loginMaxFailures;
        await throttle.countFailure(db, key, now, windowMs, max);
      }
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
