import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import { claimIdempotencyKey, fingerprintOf } from '../../../platform/idempotency.js';
import type {
  ApplicantActionInput,
  CreateDraftInput,
  MyListQuery,
  RateInput,
  UpdateDraftInput,
} from '../schema.js';
import * as dossierStore from '../store/dossiers.js';
import * as fileStore from '../store/files.js';
import type { DossierRow } from '../store/tables.js';
import { defaultWorkflow } from '../workflow/index.js';
import { type Core, foldApplicant, papersOf } from './core.js';
import type { DossierDeps } from './deps.js';
import { dossierErrors as E } from './errors.js';
import { checkForm } from './form.js';

const RATEABLE = new Set(['result_ready', 'returned', 'refused']);

/** What the applicant does on the portal: draft, attach, submit, supplement, withdraw, rate. */
export function createApplicantUseCases(deps: DossierDeps, core: Core) {
  const { db, clock, catalog } = deps;

  function actorOf(ctx: RequestContext): Actor {
    if (!ctx.actor) throw new Error('applicant use case without an actor');
    return ctx.actor;
  }

  return {
    /**
     * A new draft. Idempotent: the same `Idempotency-Key` and body give the same draft
     * (200 instead of 201), a concurrent double click waits for the first and gets it too.
     */
    async createDraft(
      ctx: RequestContext,
      input: CreateDraftInput,
      idempotencyKey: string,
    ): Promise<{ dossier: DossierRow; created: boolean }> {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const now = clock.now();
        const id = randomUUID();
        const claim = await claimIdempotencyKey(trx, {
          scope: `dossier.create:${actor.userId}`,
          key: idempotencyKey,
          fingerprint: fingerprintOf(input),
          resourceId: id,
          now,
        });
        if (claim.kind === 'replay') {
          const existing = await dossierStore.find(trx, claim.resourceId);
          if (!existing) throw E.notFound();
          return { dossier: existing, created: false };
        }
        const version = await catalog.getVersionInForce(trx, input.procedureId, now);
        if (!version.submissionModes.includes('online') || version.onlineClass === 'info') {
          throw E.channelNotOffered('online');
        }
        if (!(await catalog.isCarriedBy(trx, version, input.agencyId, now))) {
          throw E.agencyNotCarrying();
        }
        const formData = checkForm(version.formFields, input.formData, false);
        const row = await dossierStore.insert(trx, {
          id,
          procedureId: version.procedureId,
          procedureVersionId: version.id,
          procedureCode: version.code,
          procedureName: version.name,
          sectorId: version.sectorId,
          receivingAgencyId: input.agencyId,
          holderAgencyId: input.agencyId,
          involvedAgencyIds: [input.agencyId],
          channel: 'online',
          state: 'draft',
          stepIndex: 0,
          workflow: JSON.stringify(version.workflow.length ? version.workflow : defaultWorkflow),
          papers: JSON.stringify(papersOf(version)),
          applicantUserId: actor.userId,
          applicant: JSON.stringify(input.applicant),
          applicantFolded: foldApplicant(input.applicant),
          formData: JSON.stringify(formData),
          processingTime: version.processingTime,
          timeUnit: version.timeUnit,
          feeVnd: version.feeVnd,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await core.changes.record(trx, ctx, null, row, { action: 'create' });
        return { dossier: row, created: true };
      });
    },

    async updateDraft(ctx: RequestContext, id: string, input: UpdateDraftInput) {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const d = await core.lockOwn(trx, actor, id);
        if (d.state !== 'draft') throw E.notEditable();
        const version = await catalog.getVersion(trx, d.procedureVersionId);
        const applicant = input.applicant ?? d.applicant;
        const formData = input.formData
          ? checkForm(version.formFields, input.formData, false)
          : d.formData;
        return core.changes.update(
          trx,
          ctx,
          d,
          {
            applicant: JSON.stringify(applicant),
            applicantFolded: foldApplicant(applicant),
            formData: JSON.stringify(formData),
          },
          { action: 'edit' },
        );
      });
    },

    /** submit / supplement / withdraw / cancel (a draft), by the applicant. */
    async act(ctx: RequestContext, id: string, input: ApplicantActionInput): Promise<DossierRow> {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const d = await core.lockOwn(trx, actor, id);
        await core.requirePerformer(trx, actor, d, input.action);
        switch (input.action) {
          case 'submit': {
            const version = await catalog.getVersion(trx, d.procedureVersionId);
            checkForm(version.formFields, d.formData as never, true);
            const files = await fileStore.listFor(trx, d.id);
            const missing = d.papers
              .filter((p) => p.mandatory && !files.some((f) => f.paperKey === p.key))
              .map((p) => p.key);
            if (missing.length) throw E.missingPapers(missing);
            const now = clock.now();
            const code = await core.issueCode(trx, d.receivingAgencyId, now);
            return core.move(trx, ctx, d, 'submit', { patch: { code, submittedAt: now } });
          }
          case 'supplement':
            return core.move(trx, ctx, d, 'supplement', { event: { publicNote: input.note } });
          case 'withdraw':
            return core.move(trx, ctx, d, 'withdraw', { event: { publicNote: input.reason } });
          case 'cancel':
            return core.move(trx, ctx, d, 'cancel');
        }
      });
    },

    /** Once per dossier, when it has a result or was refused (the one-stop evaluation). */
    async rate(ctx: RequestContext, id: string, input: RateInput): Promise<DossierRow> {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const d = await core.lockOwn(trx, actor, id);
        if (d.rating) throw E.alreadyRated();
        if (!RATEABLE.has(d.state)) throw E.notRateable();
        const after = await dossierStore.setRatingOnce(trx, d.id, input.rating, clock.now());
        if (!after) throw E.alreadyRated();
        return core.changes.record(trx, ctx, d, after, {
          action: 'rate',
          data: { rating: input.rating },
          ...(input.comment ? { publicNote: input.comment } : {}),
        });
      });
    },

    async listMine(actor: Actor, query: MyListQuery) {
      const rows = await dossierStore.listByApplicant(
        db,
        actor.userId,
        dossierStore.decodeCursor(query.cursor),
        query.limit,
      );
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items.at(-1);
      return { rows: items, nextCursor: more && last ? dossierStore.encodeCursor(last) : null };
    },

    async getMine(actor: Actor, id: string): Promise<DossierRow> {
      return core.access.ownedBy(actor, await dossierStore.find(db, id));
    },
  };
}
