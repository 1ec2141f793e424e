import { createCrl, type CrlEntry, type X509, x509 } from '../crypto/ca.js';
import * as authorities from '../store/authorities.js';
import * as certificates from '../store/certificates.js';
import type { RevocationReason } from '../store/tables.js';
import type { Authority } from './authority.js';
import type { PkiDeps, Trx } from './deps.js';

const DAY_MS = 24 * 3600 * 1000;
/** A CRL is valid a week and rebuilt once half of it has passed (so it never goes stale). */
const CRL_VALIDITY_MS = 7 * DAY_MS;

const reasonCode: Readonly<Record<RevocationReason, X509.X509CrlReason>> = {
  unspecified: x509.X509CrlReason.unspecified,
  key_compromise: x509.X509CrlReason.keyCompromise,
  affiliation_changed: x509.X509CrlReason.affiliationChanged,
  superseded: x509.X509CrlReason.superseded,
  cessation_of_operation: x509.X509CrlReason.cessationOfOperation,
  privilege_withdrawn: x509.X509CrlReason.privilegeWithdrawn,
};

/**
 * The issuing CA's CRL: rebuilt in the transaction of every status change (so a revocation
 * and the CRL listing it commit together), and lazily when it is getting old.
 */
export function createCrlPublisher(deps: Pick<PkiDeps, 'db' | 'clock'>, authority: Authority) {
  const { db, clock } = deps;

  async function publish(trx: Trx): Promise<{ number: number; entries: number }> {
    const issuer = await authority.loadIssuer(trx);
    const now = clock.now();
    const rows = await certificates.listRevokedOrHeld(trx);
    const entries: CrlEntry[] = rows.map((r) =>
      r.status === 'suspended'
        ? { serial: r.serial!, at: r.suspendedAt!, reason: x509.X509CrlReason.certificateHold }
        : { serial: r.serial!, at: r.revokedAt!, reason: reasonCode[r.revocationReason!] },
    );
    const number = await authorities.nextCrlNumber(trx, issuer.row.id);
    const nextUpdate = new Date(now.getTime() + CRL_VALIDITY_MS);
    const crl = await createCrl(issuer, { number, thisUpdate: now, nextUpdate, entries });
    await authorities.insertCrl(trx, {
      authorityId: issuer.row.id,
      crlNumber: number,
      thisUpdate: now,
      nextUpdate,
      entries: entries.length,
      der: new Uint8Array(crl.rawData),
    });
    return { number, entries: entries.length };
  }

  /** The newest CRL (DER), rebuilt first when past half its validity and the key is at hand. */
  async function current(): Promise<Uint8Array | null> {
    const issuing = await authorities.findCurrentAuthority(db, 'issuing');
    if (!issuing) return null;
    const latest = await authorities.findLatestCrl(db, issuing.id);
    const now = clock.now().getTime();
    const stale =
      !latest ||
      now >=
        latest.thisUpdate.getTime() +
          (latest.nextUpdate.getTime() - latest.thisUpdate.getTime()) / 2;
    if (stale) {
      try {
        await db.transaction().execute((trx) => publish(trx));
        const fresh = await authorities.findLatestCrl(db, issuing.id);
        if (fresh) return new Uint8Array(fresh.der);
      } catch {
        // No key at hand (no or wrong passphrase): the last published CRL is still the truth.
      }
    }
    return latest ? new Uint8Array(latest.der) : null;
  }

  return { publish, current };
}
export type CrlPublisher = ReturnType<typeof createCrlPublisher>;
