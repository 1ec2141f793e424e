import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { agencyErrors as E } from '../errors.js';
import type { Agency, CreateAgencyInput, EndAgencyInput, UpdateAgencyInput } from '../schema.js';
import * as store from '../store.js';
import * as write from '../store-write.js';
import {
  type AgencyDeps,
  assertManageable,
  inTransaction,
  newAgencyRow,
  snapshot,
  todayOf,
} from './deps.js';

type Period = { from: string; to: string | null; excludeId?: string };

/** Electronic ids and GSO codes are unique over overlapping periods, not only among open agencies. */
async function assertUnique(
  exec: store.Exec,
  values: { electronicId?: string | null | undefined; gsoCode?: string | null | undefined },
  period: Period,
): Promise<void> {
  if (
    values.electronicId &&
    (await store.findOverlapping(exec, 'electronicId', values.electronicId, period))
  ) {
    throw E.duplicateElectronicId();
  }
  if (values.gsoCode && (await store.findOverlapping(exec, 'gsoCode', values.gsoCode, period))) {
    throw E.duplicateGsoCode([values.gsoCode]);
  }
}

export function createAgencyWrites({ clock, audit }: AgencyDeps) {
  return {
    /** A new agency under an existing parent; the parent must be within the actor's `agency.manage` scope. */
    async createAgency(db: AnyDb, ctx: RequestContext, input: CreateAgencyInput): Promise<Agency> {
      return inTransaction(db, async (trx) => {
        const parent = await store.lockById(trx, input.parentId);
        if (!parent) throw E.notFound();
        await assertManageable(trx, ctx, parent.id);
        // An ended agency takes no new units: the tree of any day stays a tree.
        if (parent.validTo !== null) throw E.alreadyEnded();
        // Roots are provinces, made only by the seed and the importers.
        if (input.kind === 'province') throw E.invalidKind();
        if (
          (input.communeType && input.kind !== 'commune_peoples_committee') ||
          (input.districtType && input.kind !== 'district_peoples_committee')
        ) {
          throw E.typeForKind();
        }
        const validFrom = input.validFrom ?? todayOf(clock);
        if (validFrom < parent.validFrom) throw E.outsideParentPeriod();
        await assertUnique(trx, input, { from: validFrom, to: null });
        const row = newAgencyRow(
          parent,
          {
            ...input,
            validFrom,
            sortOrder: input.sortOrder ?? (await store.nextSortOrder(trx, parent.id)),
          },
          clock.now(),
        );
        await write.insertAgencies(trx, [row]);
        const agency = store.toAgency(row);
        await audit.record(trx, ctx, {
          action: 'agency.create',
          targetType: 'agency',
          targetId: agency.id,
          agencyId: agency.id,
          after: snapshot(agency),
        });
        return agency;
      });
    },

    /** Corrects names and codes in place (a formal rename is a new agency with a `rename` succession). */
    async updateAgency(
      db: AnyDb,
      ctx: RequestContext,
      id: string,
      input: UpdateAgencyInput,
    ): Promise<Agency> {
      return inTransaction(db, async (trx) => {
        const before = await store.lockById(trx, id);
        if (!before) throw E.notFound();
        await assertManageable(trx, ctx, id);
        const patch: write.AgencyPatch = {};
        for (const key of [
          'name',
          'shortName',
          'abbreviation',
          'gsoCode',
          'electronicId',
          'sortOrder',
        ] as const) {
          if (input[key] !== undefined && input[key] !== before[key])
            Object.assign(patch, { [key]: input[key] });
        }
        if (Object.keys(patch).length === 0) return before;
        await assertUnique(trx, patch, {
          from: before.validFrom,
          to: before.validTo,
          excludeId: id,
        });
        const after = await write.updateAgency(trx, id, patch, clock.now());
        await audit.record(trx, ctx, {
          action: 'agency.update',
          targetType: 'agency',
          targetId: id,
          agencyId: id,
          before: snapshot(before),
          after: snapshot(after),
        });
        return after;
      });
    },

    /**
     * Ends an agency on `validTo` (exclusive) and records who takes over. Refused while a
     * child would outlive it: children are ended (or succeeded) first, so the tree of any
     * day stays a tree.
     */
    async endAgency(
      db: AnyDb,
      ctx: RequestContext,
      id: string,
      input: EndAgencyInput,
    ): Promise<Agency> {
      return inTransaction(db, async (trx) => {
        const before = await store.lockById(trx, id);
        if (!before) throw E.notFound();
        await assertManageable(trx, ctx, id);
        if (before.validTo !== null) throw E.alreadyEnded();
        if (input.validTo <= before.validFrom) throw E.invalidValidTo();
        const children = await store.countChildrenNotEnded(trx, id, input.validTo);
        if (children > 0) throw E.hasCurrentChildren(children);
        const successorIds = [...new Set(input.successorIds ?? [])];
        if (successorIds.includes(id)) throw E.successorNotFound();
        // A successor exists on the day it takes over and is not one of the ended agency's units.
        const successors = await store.findByIds(trx, successorIds);
        const inForce = (a: Agency) =>
          a.validFrom <= input.validTo &&
          (a.validTo === null || a.validTo > input.validTo) &&
          !a.ancestorIds.includes(id);
        if (successors.length !== successorIds.length || !successors.every(inForce)) {
          throw E.successorNotFound();
        }
        const now = clock.now();
        const share = input.share ?? (successorIds.length === 1 ? 'full' : 'partial');
        const links = successorIds.map((successorId) => ({
          predecessorId: id,
          successorId,
          effectiveDate: input.validTo,
          kind: input.kind ?? 'reorganise',
          share,
          note: input.note ?? null,
          decision: input.decision ?? null,
          createdAt: now,
        }));
        const after = await write.updateAgency(trx, id, { validTo: input.validTo }, now);
        await write.insertSuccessions(trx, links);
        await audit.record(trx, ctx, {
          action: 'agency.end',
          targetType: 'agency',
          targetId: id,
          agencyId: id,
          before: snapshot(before),
          after: { ...snapshot(after), successors: links.map(({ createdAt: _, ...l }) => l) },
        });
        return after;
      });
    },
  };
}
