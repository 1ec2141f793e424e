import type { Transaction } from 'kysely';
import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { Actor } from '../../../platform/http/access.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import type { IdentityService } from '../../identity/index.js';

export type PkiDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  identity: Pick<IdentityService, 'verifySecondFactor' | 'getUser' | 'listOfficialsWith'>;
  config: Pick<Config, 'pkiPassphrase' | 'publicUrl' | 'timeZone' | 'isProduction'>;
};

export type Trx = Transaction<unknown>;
/** A caller's open transaction, or the database (then the service opens its own). */
export type Ex = Trx | AnyDb;
export type ActorCtx = RequestContext & { actor: Actor };

/** Runs `fn` in the caller's transaction, or in a new one when given the database. */
export function inTransaction<T>(ex: Ex, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return ex.isTransaction ? fn(ex as Trx) : (ex as AnyDb).transaction().execute(fn);
}

/** Public URLs written into certificates (CRL distribution point, CA issuers). */
export function pkiUrls(config: Pick<Config, 'publicUrl'>) {
  const base = (config.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  return {
    crl: `${base}/pki/crl/issuing.crl`,
    issuingCertificate: `${base}/pki/ca/issuing.crt`,
    rootCertificate: `${base}/pki/ca/root.crt`,
  };
}
