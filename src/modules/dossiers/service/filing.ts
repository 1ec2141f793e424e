import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../platform/context.js';
import { createGroupCommit } from '../../../platform/db/group-commit.js';
import { type Actor, scopesOf } from '../../../platform/http/access.js';
import { claimIdempotencyKeys, fingerprintOf } from '../../../platform/idempotency.js';
import type { ProcedureVersion } from '../../catalog/index.js';
import type { DeskCreateInput } from '../schema.js';
import * as dossierStore from '../store/dossiers.js';
import type { NewDossier } from '../store/dossiers.js';
import * as feeStore from '../store/fees.js';
import type { DossierRow } from '../store/tables.js';
import { defaultWorkflow } from '../workflow/index.js';
import { type Core, foldApplicant, papersOf } from './core.js';
import type { DossierDeps, Trx } from './deps.js';
import { dossierErrors as E } from './errors.js';
import { checkForm, checkPapers } from './form.js';

/** A checked desk filing waiting for its batch. */
type Filing = {
  ctx: RequestContext;
  actor: Actor;
  input: DeskCreateInput;
  idempotencyKey: string;
  fingerprint: string;
  version: ProcedureVersion;
  agencyId: string;
  electronicId: string | null;
};

type Filed = { dossier: DossierRow; created: boolean };

/**
 * Filing at the desk (a walk-in applicant) or from the post: filed and received at once.
 * Everything that reads only rarely-changing facts (scope, the catalogue's version in force
 * and carriers, the e-form, the papers) is checked first, outside any transaction, from the
 * caches. The filings that pass are then written by group commit: those arriving together
 * share one transaction — idempotency claims, codes, dossier rows, fees, history lines,
 * statistics and audit links each in one statement —, and each caller gets its own dossier
 * once that transaction committed.
 */
export function createDeskFiling(deps: DossierDeps, core: Core) {
  const { db, clock, catalog, agencies } = deps;

  async function check(
    ctx: RequestContext,
    input: DeskCreateInput,
    idempotencyKey: string,
  ): Promise<Filing> {
    const actor = ctx.actor;
    if (!actor) throw new Error('desk filing without an actor');
    const agencyId = input.agencyId ?? actor.agencyId;
    if (!agencyId) throw E.agencyNotCarrying();
    if (!(await agencies.isWithin(db, agencyId, scopesOf(actor, 'dossier.receive')))) {
      throw E.notPerformer();
    }
    const now = clock.now();
    const version = await catalog.getVersionInForce(db, input.procedureId, now);
    if (!version.submissionModes.includes(input.channel)) throw E.channelNotOffered(input.channel);
    if (!(await catalog.isCarriedBy(db, version, agencyId, now))) throw E.agencyNotCarrying();
    const formData = checkForm(version.formFields, input.formData, true);
    checkPapers(papersOf(version), input.papersReceived, []);
    const { electronicId } = await agencies.getAgency(db, agencyId);
    if (!electronicId) throw E.agencyWithoutElectronicId();
    return {
      ctx,
      actor,
      input: { ...input, formData },
      idempotencyKey,
      fingerprint: fingerprintOf(input),
      version,
      agencyId,
      electronicId,
    };
  }

  /** The dossier as filed, before reception: what the history's first line moves from. */
  function asSubmitted(d: DossierRow, agencyId: string): DossierRow {
    return {
      ...d,
      state: 'submitted',
      stepIndex: 0,
      resumeState: null,
      holderAgencyId: agencyId,
      involvedAgencyIds: [agencyId],
      receivedAt: null,
      dueAt: null,
      appointmentAt: null,
    };
  }

  async function newRow(trx: Trx, f: Filing, id: string, code: string, now: Date) {
    const { version, agencyId, input } = f;
    const workflow = version.workflow.length ? version.workflow : defaultWorkflow;
    const submitted = {
      state: 'submitted' as const,
      stepIndex: 0,
      resumeState: null,
      workflow,
      involvedAgencyIds: [agencyId],
      receivingAgencyId: agencyId,
    };
    const { position } = core.positionAfter(submitted, 'receive');
    const due = await core.timing.dueAt(trx, now, version.processingTime, version.timeUnit);
    return {
      id,
      code,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      procedureCode: version.code,
      procedureName: version.name,
      sectorId: version.sectorId,
      receivingAgencyId: agencyId,
      channel: input.channel,
      applicantUserId: null,
      applicant: JSON.stringify(input.applicant),
      applicantFolded: foldApplicant(input.applicant),
      formData: JSON.stringify(input.formData),
      processingTime: version.processingTime,
      timeUnit: version.timeUnit,
      feeVnd: version.feeVnd,
      papers: JSON.stringify(papersOf(version)),
      createdBy: f.actor.userId,
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
      ...position,
      workflow: JSON.stringify(workflow),
      receivedAt: now,
      dueAt: due,
      appointmentAt: due,
    } satisfies NewDossier;
  }

  async function fileBatch(filings: readonly Filing[]): Promise<(Filed | Error)[]> {
    return core.changes.transaction(async (trx) => {
      const now = clock.now();
      const ids = filings.map(() => randomUUID());
      const claims = await claimIdempotencyKeys(
        trx,
        filings.map((f, i) => ({
          scope: `dossier.create:${f.actor.userId}`,
          key: f.idempotencyKey,
          fingerprint: f.fingerprint,
          resourceId: ids[i]!,
          now,
        })),
      );
      const fresh = filings.flatMap((f, i) => {
        const claim = claims[i];
        return claim && !(claim instanceof Error) && claim.kind === 'new' ? [{ f, i }] : [];
      });
      const codes = await core.issueCodes(
        trx,
        fresh.map(({ f }) => ({ electronicId: f.electronicId, at: now })),
      );
      const rows: NewDossier[] = [];
      for (const [n, { f, i }] of fresh.entries()) {
        rows.push(await newRow(trx, f, ids[i]!, codes[n]!, now));
      }
      const inserted = await dossierStore.insertMany(trx, rows);
      core.changes.alsoWrite(
        trx,
        feeStore.insertStatement(
          inserted
            .filter((d) => d.feeVnd > 0)
            .map((d) => ({
              dossierId: d.id,
              amountVnd: d.feeVnd,
              status: 'due' as const,
              method: null,
              receiptNo: null,
              paidAt: null,
              recordedBy: null,
              createdAt: now,
            })),
        ),
      );
      const filed = new Map<number, DossierRow>();
      for (const [n, { f, i }] of fresh.entries()) {
        const d = inserted[n]!;
        const before = asSubmitted(d, f.agencyId);
        await core.changes.record(trx, f.ctx, null, before, {
          action: 'create',
          data: { channel: f.input.channel },
        });
        await core.changes.record(trx, f.ctx, before, d, {
          action: 'receive',
          publicNote: f.input.note,
          data: { papersReceived: f.input.papersReceived },
        });
        filed.set(i, d);
      }
      const answers: (Filed | Error)[] = [];
      for (const [i, claim] of claims.entries()) {
        if (!claim || claim instanceof Error) answers.push(claim ?? E.notFound());
        else if (claim.kind === 'new') answers.push({ dossier: filed.get(i)!, created: true });
        else {
          const existing = await dossierStore.find(trx, claim.resourceId);
          answers.push(existing ? { dossier: existing, created: false } : E.notFound());
        }
      }
      return answers;
    });
  }

  const batches = createGroupCommit<Filing, Filed>({
    maxBatch: 64,
    parallel: Number(process.env.GC_PAR ?? 2),
    run: fileBatch,
  });

  return {
    /** A walk-in or postal dossier: filed and received in one transaction. Idempotent. */
    async createAtDesk(
      ctx: RequestContext,
      input: DeskCreateInput,
      idempotencyKey: string,
    ): Promise<Filed> {
      return batches.submit(await check(ctx, input, idempotencyKey));
    },
  };
}
