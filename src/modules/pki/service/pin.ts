import { hash, verify } from '@node-rs/argon2';
import { pkiErrors as E } from '../errors.js';
import { q } from '../store/tables.js';
import type { CertificateRow } from '../store/tables.js';
import type { PkiDeps } from './deps.js';
import { MAX_PIN_FAILURES } from './views.js';

// OWASP's argon2id setting, as for passwords: m = 19 MiB, t = 2, p = 1.
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPin = (pin: string): Promise<string> => hash(pin, options);

/**
 * The PIN of a platform-held key. A wrong PIN must count even though the signing that
 * tried it fails — and its transaction (the caller's) rolls back. So a failure is counted
 * here in memory at once and written to the database by a statement sent outside that
 * transaction and not awaited: it runs when the transaction has ended (PGlite has one
 * connection; on PostgreSQL it waits for the row lock the signing holds). The lock uses the
 * larger of both counts; after MAX_PIN_FAILURES the PIN is locked until an admin resets it.
 */
export function createPinGuard(deps: Pick<PkiDeps, 'db'>) {
  const failures = new Map<string, number>();
  const pending = new Set<Promise<unknown>>();

  const failuresOf = (row: Pick<CertificateRow, 'id' | 'pinFailures'>) =>
    Math.max(row.pinFailures, failures.get(row.id) ?? 0);

  function countFailure(id: string, dbCount: number): number {
    const n = Math.max(dbCount, failures.get(id) ?? 0) + 1;
    failures.set(id, n);
    const write = q(deps.db)
      .updateTable('pki.certificates')
      .set((eb) => ({ pinFailures: eb.fn('greatest', [eb.ref('pinFailures'), eb.val(n)]) }))
      .where('id', '=', id)
      .execute()
      .catch(() => {});
    pending.add(write);
    void write.finally(() => pending.delete(write));
    return n;
  }

  return {
    failuresOf,
    forget: (id: string) => failures.delete(id),
    /** Resolves when every failure count sent so far is written (tests, shutdown). */
    settled: () => Promise.all([...pending]).then(() => undefined),

    /** Throws pki.pin_not_set / pin_locked / pin_wrong; on success the count restarts. */
    async check(row: CertificateRow, pin: string): Promise<{ hadFailures: boolean }> {
      if (!row.pinHash) throw E.pinNotSet();
      const before = failuresOf(row);
      if (before >= MAX_PIN_FAILURES) throw E.pinLocked();
      let ok = false;
      try {
        ok = await verify(row.pinHash, pin);
      } catch {
        ok = false;
      }
      if (!ok) {
        const n = countFailure(row.id, row.pinFailures);
        if (n >= MAX_PIN_FAILURES) throw E.pinLocked();
        throw E.pinWrong(MAX_PIN_FAILURES - n);
      }
      failures.delete(row.id);
      return { hadFailures: before > 0 };
    },
  };
}
export type PinGuard = ReturnType<typeof createPinGuard>;
