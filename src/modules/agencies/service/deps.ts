import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/clock.js';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { scopesOf } from '../../../platform/http/access.js';
import type { AuditService } from '../../audit/index.js';
import { agencyErrors as E, translateDbError } from '../errors.js';
import type { Agency } from '../schema.js';
import * as store from '../store.js';
import { treeIndex } from './tree-index.js';

export type AgencyDeps = { clock: Clock; audit: AuditService };

/** The province's calendar day: validity dates are local dates, not UTC ones. */
const localDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const todayOf = (clock: Clock): string => localDay.format(clock.now());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped root, narrowed by the store
export type Trx = Transaction<any>;

/** Runs `fn` in one transaction; a unique-index race comes out as the problem a check would give. */
export async function inTransaction<T>(db: AnyDb, fn: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (err) {
    throw translateDbError(err);
  } finally {
    treeIndex.invalidate(db);
  }
}

/**
 * `agency.manage` is granted on subtrees: the target must lie inside one of them. Outside,
 * the answer is the same 404 as for a missing agency, so scope does not reveal existence.
 * A context without actor is the system itself (seed, command line); routes always have one.
 */
export async function assertManageable(
  exec: store.Exec,
  ctx: RequestContext,
  agencyId: string,
): Promise<void> {
  if (!ctx.actor) return;
  if (!(await treeIndex.isWithin(exec as AnyDb, agencyId, scopesOf(ctx.actor, 'agency.manage'))))
    throw E.notFound();
}

/** What the audit log keeps of an agency. */
export function snapshot(a: Agency) {
  const { createdAt: _c, updatedAt: _u, ancestorIds: _a, ...rest } = a;
  return rest;
}

type Placed = Pick<Agency, 'id' | 'ancestorIds' | 'depth'>;
export type AgencyFields = Pick<store.NewAgencyRow, 'kind' | 'name' | 'shortName' | 'validFrom'> &
  Partial<
    Pick<
      store.NewAgencyRow,
      | 'abbreviation'
      | 'gsoCode'
      | 'electronicId'
      | 'communeType'
      | 'districtType'
      | 'validTo'
      | 'sortOrder'
    >
  >;

/** A new row under `parent` (null: a root). The id is made here so the path can include it. */
export function newAgencyRow(
  parent: Placed | null,
  f: AgencyFields,
  now: Date,
): store.NewAgencyRow {
  const id = randomUUID();
  return {
    id,
    parentId: parent?.id ?? null,
    kind: f.kind,
    communeType: f.communeType ?? null,
    districtType: f.districtType ?? null,
    name: f.name,
    shortName: f.shortName,
    abbreviation: f.abbreviation ?? null,
    gsoCode: f.gsoCode ?? null,
    electronicId: f.electronicId ?? null,
    validFrom: f.validFrom,
    validTo: f.validTo ?? null,
    ancestors: [...(parent?.ancestorIds ?? []), id],
    depth: parent ? parent.depth + 1 : 0,
    sortOrder: f.sortOrder ?? 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** As `store.toAgency`, for a row built in memory: placement fields under the names services use. */
export const placed = (row: store.NewAgencyRow): Placed => ({
  id: row.id,
  ancestorIds: row.ancestors,
  depth: row.depth,
});
