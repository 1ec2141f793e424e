import type { RequestContext } from '../../../../platform/context.js';
import type { Actor } from '../../../../platform/http/access.js';
import { recordErrors as E } from '../errors.js';
import type {
  CreateFilePlanInput,
  FilePlanListQuery,
  FilePlanView,
  HeadingInput,
} from '../schema.js';
import * as fileStore from '../store/files.js';
import * as planStore from '../store/plans.js';
import type { FilePlanRow } from '../store/tables.js';
import { MANAGE, READ, type RecordAccess } from './access.js';
import type { Ex, RecordDeps } from './deps.js';
import { fileSummary } from './views.js';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

function refuseRepeatedCodes(headings: readonly HeadingInput[]) {
  const seen = new Set<string>();
  for (const h of headings) {
    if (seen.has(h.code)) throw E.headingCodeTaken(h.code);
    seen.add(h.code);
  }
}

/** The annual file plan (danh mục hồ sơ) of an agency and its headings. */
export function createPlanUseCases(deps: RecordDeps, access: RecordAccess) {
  const { db, clock, audit, agencies } = deps;

  async function view(ex: Ex, actor: Actor, p: FilePlanRow): Promise<FilePlanView> {
    const agency = await agencies.getAgency(ex, p.agencyId);
    const headings = await planStore.listHeadings(ex, p.id);
    const files = await fileStore.listFiles(ex, {
      agencyIds: [p.agencyId],
      planId: p.id,
      limit: 10_000,
      offset: 0,
    });
    return {
      id: p.id,
      agencyId: p.agencyId,
      agencyName: agency.name,
      year: p.year,
      title: p.title,
      headingCount: headings.length,
      fileCount: files.total,
      headings: headings.map((h) => ({
        id: h.id,
        ordinal: h.ordinal,
        code: h.code,
        title: h.title,
        fileCount: h.fileCount,
      })),
      files: files.rows.map(fileSummary),
      canManage: await access.inScope(ex, actor, p.agencyId, MANAGE),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }

  return {
    async createPlan(ctx: RequestContext, input: CreateFilePlanInput): Promise<FilePlanView> {
      const actor = ctx.actor!;
      refuseRepeatedCodes(input.headings);
      const agency = await access.actingAgency(db, actor, input.agencyId, MANAGE);
      try {
        return await db.transaction().execute(async (trx) => {
          const existing = await planStore.findPlanOf(trx, agency.id, input.year);
          if (existing) throw E.planExists(existing.id);
          const now = clock.now();
          const plan = await planStore.insertPlan(trx, {
            agencyId: agency.id,
            year: input.year,
            title: input.title ?? `Danh mục hồ sơ năm ${input.year}`,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          });
          await planStore.insertHeadings(trx, plan.id, input.headings);
          await audit.record(trx, ctx, {
            action: 'document.file_plan_create',
            targetType: 'file_plan',
            targetId: plan.id,
            agencyId: agency.id,
            after: { year: plan.year, title: plan.title, headings: input.headings },
          });
          return view(trx, actor, plan);
        });
      } catch (err) {
        if (isUniqueViolation(err)) {
          const existing = await planStore.findPlanOf(db, agency.id, input.year);
          if (existing) throw E.planExists(existing.id);
        }
        throw err;
      }
    },

    async addHeading(ctx: RequestContext, planId: string, input: HeadingInput) {
      const actor = ctx.actor!;
      await access.plan(db, actor, planId, MANAGE);
      try {
        return await db.transaction().execute(async (trx) => {
          const plan = await access.plan(trx, actor, planId, MANAGE);
          if (await planStore.findHeadingByCode(trx, plan.id, input.code))
            throw E.headingCodeTaken(input.code);
          const [heading] = await planStore.insertHeadings(trx, plan.id, [input]);
          await planStore.touchPlan(trx, plan.id, clock.now());
          await audit.record(trx, ctx, {
            action: 'document.file_heading_add',
            targetType: 'file_plan',
            targetId: plan.id,
            agencyId: plan.agencyId,
            after: { headingId: heading!.id, code: input.code, title: input.title },
          });
          return view(trx, actor, (await planStore.findPlan(trx, plan.id))!);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw E.headingCodeTaken(input.code);
        throw err;
      }
    },

    async getPlan(actor: Actor, id: string): Promise<FilePlanView> {
      return view(db, actor, await access.plan(db, actor, id, READ));
    },

    async listPlans(actor: Actor, query: FilePlanListQuery) {
      const agencyIds = await access.readableAgencyIds(db, actor, query.agencyId);
      const rows = await planStore.listPlans(db, agencyIds, query.year);
      const names = new Map<string, string>();
      for (const id of new Set(rows.map((r) => r.agencyId)))
        names.set(id, (await agencies.getAgency(db, id)).name);
      return {
        items: rows.map((r) => ({
          id: r.id,
          agencyId: r.agencyId,
          agencyName: names.get(r.agencyId) ?? '',
          year: r.year,
          title: r.title,
          headingCount: r.headingCount,
          fileCount: r.fileCount,
        })),
      };
    },
  };
}
