import type { RequestContext } from '../../../platform/context.js';
import { type Actor, scopesOf } from '../../../platform/http/access.js';
import type { AssignInput, DeskListQuery, FeePaymentInput, OfficerActionInput } from '../schema.js';
import * as dossierStore from '../store/dossiers.js';
import * as feeStore from '../store/fees.js';
import * as fileStore from '../store/files.js';
import type { DossierRow } from '../store/tables.js';
import { agencyOfStep, permissionOfRole } from './access.js';
import type { Core } from './core.js';
import type { DossierDeps, Trx } from './deps.js';
import { dossierErrors as E } from './errors.js';
import { createDeskFiling } from './filing.js';
import { checkPapers } from './form.js';

const DUE_SOON_WORKING_DAYS = 2;

/** The officer desk: filing walk-in and postal dossiers, acting on steps, queues. */
export function createDeskUseCases(deps: DossierDeps, core: Core) {
  const { db, clock, agencies, identity } = deps;

  function actorOf(ctx: RequestContext): Actor {
    if (!ctx.actor) throw new Error('desk use case without an actor');
    return ctx.actor;
  }

  /** Reception proper: due date, appointment, fee; the dossier is then in the report. */
  async function receive(
    trx: Trx,
    ctx: RequestContext,
    d: DossierRow,
    received: string[],
    note: string | undefined,
  ): Promise<DossierRow> {
    const now = clock.now();
    const uploaded = (await fileStore.listFor(trx, d.id))
      .filter((f) => f.purpose !== 'result' && f.paperKey)
      .map((f) => f.paperKey!);
    checkPapers(d.papers, received, uploaded);
    const due = await core.timing.dueAt(trx, now, d.processingTime, d.timeUnit);
    if (d.feeVnd > 0) {
      await feeStore.insert(trx, {
        dossierId: d.id,
        amountVnd: d.feeVnd,
        status: 'due',
        method: null,
        receiptNo: null,
        paidAt: null,
        recordedBy: null,
        createdAt: now,
      });
    }
    return core.move(trx, ctx, d, 'receive', {
      patch: { receivedAt: now, dueAt: due, appointmentAt: due },
      event: { publicNote: note, data: { papersReceived: received } },
    });
  }

  async function scopeIds(actor: Actor): Promise<string[]> {
    return agencies.subtreeIds(db, scopesOf(actor, 'dossier.read'));
  }

  return {
    ...createDeskFiling(deps, core),

    async act(ctx: RequestContext, id: string, input: OfficerActionInput): Promise<DossierRow> {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const d = await core.lockVisible(trx, actor, id);
        await core.requirePerformer(trx, actor, d, input.action);
        switch (input.action) {
          case 'receive':
            return receive(trx, ctx, d, input.papersReceived, input.note);
          case 'refuse_reception':
          case 'pause':
          case 'refuse':
          case 'cancel':
            return core.move(trx, ctx, d, input.action, { event: { publicNote: input.reason } });
          case 'request_supplement':
            return core.move(trx, ctx, d, 'request_supplement', {
              event: { publicNote: input.reason, data: { papers: input.papers } },
            });
          case 'start':
            return core.move(trx, ctx, d, 'start', {
              patch: { assigneeUserId: actor.userId, assigneeName: actor.fullName },
              event: { publicNote: input.note },
            });
          case 'forward': {
            const next = d.workflow[d.stepIndex + 1];
            let assignee: { id: string; fullName: string } | undefined;
            if (input.assigneeId && next) {
              const candidates = await identity.listOfficialsWith(
                trx,
                agencyOfStep(next, d),
                permissionOfRole[next.role],
              );
              assignee = candidates.find((c) => c.id === input.assigneeId);
              if (!assignee) throw E.badAssignee();
            }
            const moved = await core.move(trx, ctx, d, 'forward', {
              event: { publicNote: input.note, internalNote: input.internalNote },
            });
            if (!assignee) return moved;
            return core.changes.update(
              trx,
              ctx,
              moved,
              { assigneeUserId: assignee.id, assigneeName: assignee.fullName },
              { action: 'assign', data: { assigneeId: assignee.id } },
            );
          }
          case 'accept_transfer':
          case 'resume':
            return core.move(trx, ctx, d, input.action, { event: { publicNote: input.note } });
          case 'approve':
            return core.move(trx, ctx, d, 'approve', {
              event: { publicNote: input.note, internalNote: input.internalNote },
            });
          case 'attach_result': {
            const file = await fileStore.find(trx, d.id, input.resultFileId);
            if (!file || file.purpose !== 'result') throw E.resultMissing();
            return core.move(trx, ctx, d, 'attach_result', {
              event: { publicNote: input.note, data: { resultFileId: file.id } },
            });
          }
          case 'return':
            return core.move(trx, ctx, d, 'return', {
              patch: { returnedAt: clock.now(), returnMethod: input.method },
              event: { publicNote: input.note, data: { method: input.method } },
            });
          case 'extend': {
            const from = d.appointmentAt ?? d.dueAt ?? clock.now();
            const appointment = await core.timing.extendedAppointment(
              trx,
              from,
              input.extraWorkingDays,
            );
            return core.move(trx, ctx, d, 'extend', {
              patch: { appointmentAt: appointment },
              event: {
                publicNote: input.reason,
                data: {
                  previousAppointment: from.toISOString(),
                  newAppointment: appointment.toISOString(),
                },
              },
            });
          }
        }
      });
    },

    /** Gives the current step to an official who holds its role at its agency. */
    async assign(ctx: RequestContext, id: string, input: AssignInput): Promise<DossierRow> {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const d = await core.lockVisible(trx, actor, id);
        const step = d.workflow[d.stepIndex];
        if (!step || !['received', 'in_process', 'paused'].includes(d.state)) {
          throw E.notEditable();
        }
        const agencyId = agencyOfStep(step, d);
        const mayAssign =
          (await agencies.isWithin(trx, agencyId, scopesOf(actor, 'dossier.approve'))) ||
          (await agencies.isWithin(trx, agencyId, scopesOf(actor, 'dossier.receive')));
        if (!mayAssign) throw E.notPerformer();
        const candidates = await identity.listOfficialsWith(
          trx,
          agencyId,
          permissionOfRole[step.role],
        );
        const assignee = candidates.find((c) => c.id === input.assigneeId);
        if (!assignee) throw E.badAssignee();
        return core.changes.update(
          trx,
          ctx,
          d,
          { assigneeUserId: assignee.id, assigneeName: assignee.fullName },
          { action: 'assign', internalNote: input.note, data: { assigneeId: assignee.id } },
        );
      });
    },

    async candidates(actor: Actor, id: string) {
      const d = await core.access.visibleToOfficial(db, actor, await dossierStore.find(db, id));
      const step = d.workflow[d.stepIndex];
      if (!step) return [];
      return identity.listOfficialsWith(db, agencyOfStep(step, d), permissionOfRole[step.role]);
    },

    async recordFee(ctx: RequestContext, id: string, input: FeePaymentInput) {
      const actor = actorOf(ctx);
      return core.changes.transaction(async (trx) => {
        const d = await core.lockVisible(trx, actor, id);
        if (
          !(await agencies.isWithin(trx, d.receivingAgencyId, scopesOf(actor, 'dossier.receive')))
        ) {
          throw E.notPerformer();
        }
        const fee = await feeStore.lock(trx, d.id);
        if (!fee || fee.status !== 'due') throw E.feeNotDue();
        await feeStore.markPaid(trx, d.id, {
          receiptNo: input.receiptNo,
          paidAt: clock.now(),
          recordedBy: actor.userId,
        });
        return core.changes.update(
          trx,
          ctx,
          d,
          {},
          {
            action: 'pay_fee',
            data: { amountVnd: fee.amountVnd, receiptNo: input.receiptNo },
          },
        );
      });
    },

    async getForOfficial(actor: Actor, id: string): Promise<DossierRow> {
      return core.access.visibleToOfficial(db, actor, await dossierStore.find(db, id));
    },

    async list(actor: Actor, query: DeskListQuery) {
      const now = clock.now();
      const rows = await dossierStore.listQueue(db, {
        queue: query.queue,
        agencyIds: await scopeIds(actor),
        userId: actor.userId,
        now,
        dueSoonUntil: await core.timing.workingDaysAhead(db, now, DUE_SOON_WORKING_DAYS),
        q: query.q,
        procedureId: query.procedureId,
        ...(query.cursor ? { cursor: dossierStore.decodeCursor(query.cursor) } : {}),
        limit: query.limit,
      });
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items.at(-1);
      return { rows: items, nextCursor: more && last ? dossierStore.encodeCursor(last) : null };
    },

    async counts(actor: Actor) {
      const now = clock.now();
      return dossierStore.countQueues(db, {
        agencyIds: await scopeIds(actor),
        userId: actor.userId,
        now,
        dueSoonUntil: await core.timing.workingDaysAhead(db, now, DUE_SOON_WORKING_DAYS),
      });
    },
  };
}
