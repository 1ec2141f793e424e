import type { RequestContext } from '../../../platform/context.js';
import { factDelta, factsOf } from '../stats-facts.js';
import * as dossierStore from '../store/dossiers.js';
import type { DossierPatch } from '../store/dossiers.js';
import * as eventStore from '../store/events.js';
import { NO_SECTOR, applyDelta } from '../store/stats.js';
import type { DossierRow } from '../store/tables.js';
import { type DossierAction, publicStates, stateNames } from '../workflow.js';
import type { DossierDeps, Trx } from './deps.js';
import type { Timing } from './timing.js';

export type ChangeEvent = {
  action:
    | DossierAction
    | 'create'
    | 'edit'
    | 'assign'
    | 'attach_file'
    | 'remove_file'
    | 'pay_fee'
    | 'rate';
  publicNote?: string | undefined;
  internalNote?: string | undefined;
  data?: Record<string, unknown>;
};

/**
 * The one way a dossier changes: the row, its history line (form 06), the statistics, the
 * audit record and the applicant's notification, all in the caller's transaction.
 */
export function createChangeRecorder(
  deps: Pick<DossierDeps, 'db' | 'clock' | 'audit' | 'notify'>,
  timing: Timing,
) {
  const { db, clock, audit, notify } = deps;
  type PendingAudit = { ctx: RequestContext; entry: Parameters<typeof audit.record>[2] };
  const pending = new WeakMap<Trx, PendingAudit[]>();

  /**
   * A transaction of this module. The audit records of its changes are written last, just
   * before commit: the audit chain locks its head row until commit, so writing it last keeps
   * concurrent dossier transactions serialised for the shortest time.
   */
  async function transaction<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      pending.set(trx, []);
      const result = await fn(trx);
      for (const { ctx, entry } of pending.get(trx) ?? []) await audit.record(trx, ctx, entry);
      pending.delete(trx);
      return result;
    });
  }

  async function applyStats(trx: Trx, before: DossierRow | null, after: DossierRow) {
    const delta = factDelta(
      before ? factsOf(before, timing.localDay) : [],
      factsOf(after, timing.localDay),
    );
    const key = {
      agencyId: after.receivingAgencyId,
      procedureId: after.procedureId,
      sectorId: after.sectorId ?? NO_SECTOR,
      channel: after.channel,
    };
    for (const [day, changes] of delta) await applyDelta(trx, key, day, changes);
  }

  async function tell(trx: Trx, after: DossierRow, seq: number, note: string | undefined) {
    if (!publicStates.includes(after.state)) return;
    const email = after.applicant.email ?? null;
    if (!after.applicantUserId && !email) return;
    const name = stateNames[after.state].vi;
    await notify.notify(trx, {
      userId: after.applicantUserId,
      email,
      title: `Hồ sơ ${after.code ?? ''}: ${name}`.replace('  ', ' '),
      body:
        `Hồ sơ "${after.procedureName}"${after.code ? ` mã ${after.code}` : ''} ` +
        `chuyển sang trạng thái "${name}".${note ? `\n${note}` : ''}`,
      link: `/portal/dossiers/${after.id}`,
      dedupeKey: `dossier:${after.id}:${seq}`,
    });
  }

  return {
    transaction,

    /** Writes a change; `before` is the locked row (null when the dossier is being created). */
    async record(
      trx: Trx,
      ctx: RequestContext,
      before: DossierRow | null,
      after: DossierRow,
      event: ChangeEvent,
    ): Promise<DossierRow> {
      const actor = ctx.actor;
      // The history line names the step the action was taken at (form 06: who handed over).
      const stepIndex = before?.stepIndex ?? after.stepIndex;
      const step = after.workflow[stepIndex];
      const seq = await eventStore.append(trx, {
        dossierId: after.id,
        action: event.action,
        fromState: before?.state ?? null,
        toState: after.state,
        stepIndex,
        stepKey: step?.key ?? null,
        actorUserId: actor?.userId ?? null,
        actorName: actor?.fullName ?? ctx.systemLabel ?? 'Hệ thống',
        actorAgencyId: actor?.agencyId ?? null,
        at: clock.now(),
        publicNote: event.publicNote || null,
        internalNote: event.internalNote || null,
        ...(event.data ? { data: event.data } : {}),
      });
      await applyStats(trx, before, after);
      if (!before || before.state !== after.state) await tell(trx, after, seq, event.publicNote);
      const entry = {
        action: `dossier.${event.action}`,
        targetType: 'dossier',
        targetId: after.id,
        agencyId: after.receivingAgencyId,
        before: before
          ? { state: before.state, stepIndex: before.stepIndex, code: before.code }
          : null,
        after: {
          state: after.state,
          stepIndex: after.stepIndex,
          code: after.code,
          ...(event.data ?? {}),
        },
      };
      const queue = pending.get(trx);
      if (queue) queue.push({ ctx, entry });
      else await audit.record(trx, ctx, entry);
      return after;
    },

    /** Updates the locked row and records the change. */
    async update(
      trx: Trx,
      ctx: RequestContext,
      before: DossierRow,
      patch: DossierPatch,
      event: ChangeEvent,
    ): Promise<DossierRow> {
      const after = await dossierStore.update(trx, before.id, { ...patch, updatedAt: clock.now() });
      return this.record(trx, ctx, before, after, event);
    },
  };
}
export type ChangeRecorder = ReturnType<typeof createChangeRecorder>;
