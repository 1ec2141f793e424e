import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import { catalogErrors as E } from '../errors.js';
import type {
  CreateProcedureInput,
  CreateVersionInput,
  ProcedureContent,
  ProcedureHistory,
  ProcedureVersion,
} from '../schema.js';
import type { CreateSectorInput, Sector } from '../schema-settings.js';
import {
  findProcedureByCode,
  insertProcedures,
  lockProcedure,
  touchProcedure,
} from '../store/procedures.js';
import { findSector, insertSector } from '../store/sectors.js';
import {
  findVersion,
  findVersionsOf,
  insertVersions,
  replaceContent,
  setValidTo,
  type VersionContentValues,
} from '../store/versions.js';
import { agencyIdsOf, checkContent, legacyLevelOf } from '../validate.js';
import type { createCarriers } from './carry.js';
import { assertCatalogAdmin, type CatalogDeps, inTransaction, type Trx } from './deps.js';

/** What the audit log keeps of a version: everything but the long source texts. */
export function versionSnapshot(v: ProcedureVersion) {
  const {
    stepsText: _s,
    conditionsText: _c,
    legalBasisText: _l,
    papersText: _p,
    createdAt: _a,
    ...rest
  } = v;
  return rest;
}

export function createWrites(
  { clock, audit, agencies }: Pick<CatalogDeps, 'clock' | 'audit' | 'agencies'>,
  carriers: ReturnType<typeof createCarriers>,
) {
  const today = () => carriers.localDay(clock.now());

  /** Checks done before any write: content rules, and a date not in the past. */
  function precheck(input: CreateVersionInput): void {
    checkContent(input);
    const day = today();
    if (input.validFrom < day) throw E.effectiveDatePast(day);
  }

  /** The sector and every agency the content names must exist. */
  async function checkReferences(trx: Trx, input: ProcedureContent): Promise<void> {
    if (!(await findSector(trx, input.sectorId))) throw E.unknownSector(input.sectorId);
    for (const id of agencyIdsOf(input)) {
      if (!(await carriers.findAgency(trx, id))) throw E.unknownAgency(id);
    }
  }

  function contentValues(
    input: CreateVersionInput,
    ctx: RequestContext,
    levelText: string | null,
  ): VersionContentValues {
    return {
      name: input.name,
      sectorId: input.sectorId,
      levels: input.levels,
      levelText,
      onlineClass: input.onlineClass,
      legacyLevel: legacyLevelOf(input.onlineClass, input.legacyLevel),
      submissionModes: input.submissionModes,
      processingTime: input.processingTime,
      timeUnit: input.timeUnit,
      timeText: input.timeText ?? null,
      feeVnd: input.feeVnd,
      feeMaxVnd: input.feeMaxVnd ?? null,
      feeText: input.feeText ?? null,
      papers: input.papers,
      papersText: input.papersText ?? null,
      formFields: input.formFields,
      workflow: input.workflow,
      implementers: input.implementers,
      stepsText: input.stepsText ?? null,
      conditionsText: input.conditionsText ?? null,
      resultText: input.resultText ?? null,
      legalBasisText: input.legalBasisText ?? null,
      agencyText: input.agencyText ?? null,
      subjectsText: input.subjectsText ?? null,
      decisionNo: input.decisionNo ?? null,
      changeNote: input.changeNote ?? null,
      createdBy: ctx.actor?.userId ?? null,
    };
  }

  return {
    /**
     * A new version of a procedure in force from `validFrom` (today or later). The version
     * before it ends that day; a planned later version keeps its date (the new one ends
     * there). A version not yet in force with the same date is replaced in place; one
     * already in force never is (`catalog.version_in_force`).
     */
    async createVersion(
      db: AnyDb,
      ctx: RequestContext,
      procedureId: string,
      input: CreateVersionInput,
    ): Promise<ProcedureVersion> {
      await assertCatalogAdmin(db, agencies, ctx);
      precheck(input);
      return inTransaction(db, async (trx) => {
        if (!(await lockProcedure(trx, procedureId))) throw E.notFound();
        await checkReferences(trx, input);
        const versions = await findVersionsOf(trx, procedureId);
        const now = clock.now();
        const same = versions.find((v) => v.validFrom === input.validFrom);
        const levelText = (same ?? versions[versions.length - 1])?.levelText ?? null;
        const content = contentValues(input, ctx, levelText);
        if (same) {
          if (same.validFrom <= today()) throw E.versionInForce(same.validFrom);
          await replaceContent(trx, same.id, content);
          const after = (await findVersion(trx, same.id))!;
          await audit.record(trx, ctx, {
            action: 'catalog.version_update',
            targetType: 'catalog.procedure',
            targetId: procedureId,
            before: versionSnapshot(same),
            after: versionSnapshot(after),
          });
          await touchProcedure(trx, procedureId, now);
          return after;
        }
        const before = versions.filter((v) => v.validFrom < input.validFrom).at(-1);
        const next = versions.find((v) => v.validFrom > input.validFrom);
        if (before) await setValidTo(trx, before.id, input.validFrom);
        const id = randomUUID();
        await insertVersions(trx, [
          {
            ...content,
            id,
            procedureId,
            versionNo: Math.max(0, ...versions.map((v) => v.versionNo)) + 1,
            validFrom: input.validFrom,
            validTo: next?.validFrom ?? null,
            createdAt: now,
          },
        ]);
        await touchProcedure(trx, procedureId, now);
        const after = (await findVersion(trx, id))!;
        await audit.record(trx, ctx, {
          action: 'catalog.version_create',
          targetType: 'catalog.procedure',
          targetId: procedureId,
          before: before
            ? { versionId: before.id, validFrom: before.validFrom, validTo: before.validTo }
            : null,
          after: versionSnapshot(after),
        });
        return after;
      });
    },

    /** A procedure of the province's own (origin `local`), with its first version. */
    async createProcedure(
      db: AnyDb,
      ctx: RequestContext,
      input: CreateProcedureInput,
    ): Promise<ProcedureHistory> {
      await assertCatalogAdmin(db, agencies, ctx);
      precheck(input);
      const { code, ...rest } = input;
      return inTransaction(
        db,
        async (trx) => {
          if (await findProcedureByCode(trx, code)) throw E.codeTaken(code);
          await checkReferences(trx, rest);
          const now = clock.now();
          const procedureId = randomUUID();
          await insertProcedures(trx, [
            {
              id: procedureId,
              code,
              origin: 'local',
              sourceHash: null,
              sourceUrl: null,
              createdAt: now,
              updatedAt: now,
            },
          ]);
          const versionId = randomUUID();
          await insertVersions(trx, [
            {
              ...contentValues(rest, ctx, null),
              id: versionId,
              procedureId,
              versionNo: 1,
              validFrom: rest.validFrom,
              validTo: null,
              createdAt: now,
            },
          ]);
          const version = (await findVersion(trx, versionId))!;
          await audit.record(trx, ctx, {
            action: 'catalog.procedure_create',
            targetType: 'catalog.procedure',
            targetId: procedureId,
            after: versionSnapshot(version),
          });
          return {
            id: procedureId,
            code,
            origin: 'local' as const,
            sourceUrl: null,
            inForceVersionId: rest.validFrom <= today() ? versionId : null,
            districtOverride: null,
            versions: [version],
          };
        },
        code,
      );
    },

    /** A sector for the province's own procedures. */
    async createSector(db: AnyDb, ctx: RequestContext, input: CreateSectorInput): Promise<Sector> {
      await assertCatalogAdmin(db, agencies, ctx);
      return inTransaction(db, async (trx) => {
        const sector = await insertSector(trx, {
          name: input.name,
          createdAt: clock.now(),
          updatedBy: ctx.actor?.userId ?? null,
        });
        if (!sector) throw E.sectorExists();
        await audit.record(trx, ctx, {
          action: 'catalog.sector_create',
          targetType: 'catalog.sector',
          targetId: sector.id,
          after: { id: sector.id, name: sector.name },
        });
        return { id: sector.id, name: sector.name };
      });
    },
  };
}
