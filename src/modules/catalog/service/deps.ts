import type { Transaction } from 'kysely';
import type { Config } from '../../../config.js';
import type { Clock } from '../../../platform/clock.js';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { scopesOf } from '../../../platform/http/access.js';
import type { AgencyService } from '../../agencies/index.js';
import type { AuditService } from '../../audit/index.js';
import { catalogErrors as E } from '../errors.js';
import { catalogCache } from './cache.js';

export type CatalogDeps = {
  db: AnyDb;
  clock: Clock;
  audit: AuditService;
  agencies: AgencyService;
  config: Pick<Config, 'timeZone'>;
};

/** The database or an open transaction: reads take either, as `calendar.computeDueDate` does. */
export type Exec = AnyDb;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped root, narrowed by the stores
export type Trx = Transaction<any>;

/** The local calendar day of an instant: validity dates are local dates, not UTC ones. */
export function dayFormatter(timeZone: string): (at: Date) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (at: Date) => fmt.format(at);
}

const PG_UNIQUE = '23505';

/** Runs `fn` in one transaction; a race on the code's unique index becomes `catalog.code_taken`. */
export async function inTransaction<T>(
  db: AnyDb,
  fn: (trx: Trx) => Promise<T>,
  code?: string,
): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (err) {
    const e = err as { code?: string; constraint?: string };
    if (e?.code === PG_UNIQUE && e.constraint === 'procedures_code_uq' && code)
      throw E.codeTaken(code);
    if (e?.code === PG_UNIQUE && e.constraint === 'sectors_name_uq') throw E.sectorExists();
    throw err;
  } finally {
    catalogCache.invalidate(db);
  }
}

/**
 * The catalogue is one for the whole province: editing it takes `catalog.manage` granted on
 * the province root (the department admin). The access hook already checked the permission
 * exists; a grant on a smaller subtree is refused here. Outside a transaction: the tree index
 * reads the root database. A context without actor is the system (seed, command line).
 */
export async function assertCatalogAdmin(
  db: AnyDb,
  agencies: AgencyService,
  ctx: RequestContext,
): Promise<void> {
  if (!ctx.actor) return;
  if (!(await agencies.coversWholeProvince(db, scopesOf(ctx.actor, 'catalog.manage'))))
    throw E.forbidden();
}
