import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import * as authorities from '../store/authorities.js';
import { createAccess } from './access.js';
import { createAuthority } from './authority.js';
import { createCounts } from './counts.js';
import { createCrlPublisher } from './crl.js';
import { createDecisions } from './decide-request.js';
import type { Ex, PkiDeps } from './deps.js';
import { createHolders } from './holder.js';
import { createRecorder } from './issue-core.js';
import { createMyCertificates } from './my-certificates.js';
import { createPinGuard } from './pin.js';
import { createReads } from './read-certificates.js';
import { createRequestCertificate } from './request-certificate.js';
import { createSeedDemo } from './seed-demo.js';
import { createSigning } from './sign.js';
import { createStatusChanges } from './change-status.js';
import { createValidation } from './validate.js';

/** The PKI service: CA, certificate lifecycle, CRL, signing with platform-held keys, validation. */
export function createPkiService(deps: PkiDeps) {
  const authority = createAuthority(deps);
  const crl = createCrlPublisher(deps, authority);
  const access = createAccess(deps);
  const record = createRecorder(deps);
  const holders = createHolders(deps);
  const pins = createPinGuard(deps);
  const signing = createSigning(deps, authority, pins);
  const counts = createCounts(deps);
  const validate = createValidation(deps, authority);

  return {
    /** Creates the root and issuing CA once (CLI `pki init-ca`); returns what exists. */
    initAuthority: (ex: Ex, ctx: RequestContext) => authority.initAuthority(ex, ctx, crl.publish),
    /** Publishes a fresh CRL now (CLI `pki crl`). */
    async publishCrl(db: AnyDb, ctx: RequestContext) {
      return db.transaction().execute(async (trx) => {
        const result = await crl.publish(trx);
        await deps.audit.record(trx, ctx, {
          action: 'pki.crl.publish',
          targetType: 'pki.crl',
          targetId: String(result.number),
          after: result,
        });
        return result;
      });
    },
    /** The newest CRL (DER), refreshed when getting old; null before the CA exists. */
    currentCrl: () => crl.current(),
    /** The CA certificates (DER), null before the CA exists. */
    async caCertificate(kind: 'root' | 'issuing'): Promise<Uint8Array | null> {
      const row = await authorities.findCurrentAuthority(deps.db, kind);
      return row ? new Uint8Array(row.certificateDer) : null;
    },

    requestCertificate: createRequestCertificate(deps, access, holders, record),
    ...createDecisions(deps, access, authority, record),
    ...createStatusChanges(deps, access, authority, crl, record, pins, holders),
    ...createReads(deps, access, pins),
    ...createMyCertificates(deps, record, pins),

    signAsPerson: signing.signAsPerson,
    signAsAgency: signing.signAsAgency,
    validate,
    /** The public verification page: validate an uploaded PDF. */
    verify: (bytes: Uint8Array) => validate(deps.db, bytes),
    counts: counts.counts,
    stats: counts.stats,
    /** Resolves when the PIN failure counts sent outside transactions are written. */
    pinFailuresSettled: pins.settled,

    /** Demo data (idempotent), called by the seed in demo mode after the demo accounts. */
    seedDemo: createSeedDemo(deps, authority, crl, record),
  };
}
export type PkiService = ReturnType<typeof createPkiService>;
export type { PkiDeps } from './deps.js';
