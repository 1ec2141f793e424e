import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import type { NotifyInput } from '../../notify/index.js';
import type { DirectInput } from '../schema.js';
import * as documentStore from '../store/documents.js';
import * as incomingStore from '../store/incoming.js';
import type { IncomingRow } from '../store/tables.js';
import { nextIncomingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps, Ex, Trx } from './deps.js';
import { documentErrors as E } from './errors.js';
import type { IncomingUseCases } from './incoming.js';

/** Working days given when the leader sets no deadline and the document states none. */
export const DEFAULT_HANDLING_DAYS = 10;

/**
 * Direction and handling (chỉ đạo, xử lý): a leader of the receiving agency names the lead
 * person or unit, coordinators, instructions and a deadline; the lead and coordinators write
 * progress notes; the lead completes it.
 */
export function createHandlingUseCases(deps: DocumentDeps, core: Core, incoming: IncomingUseCases) {
  const { db, clock, calendar, identity, notify } = deps;

  /** The lead person, or an official holding `document.handle` in the lead unit. */
  async function isLead(ex: Ex, actor: Actor, e: IncomingRow): Promise<boolean> {
    if (e.leadUserId) return e.leadUserId === actor.userId;
    return e.leadAgencyId !== null && core.inScope(ex, actor, e.leadAgencyId, 'document.handle');
  }

  async function lockEntry(trx: Trx, actor: Actor, id: string) {
    return incoming.visibleEntry(trx, actor, await incomingStore.lock(trx, id));
  }

  async function documentOf(trx: Trx, e: IncomingRow) {
    return (await documentStore.find(trx, e.documentId))!;
  }

  const tell = (
    e: IncomingRow,
    userIds: Iterable<string>,
    title: string,
    body: string,
    key: string,
  ): NotifyInput[] =>
    [...new Set(userIds)].map((userId) => ({
      userId,
      email: null,
      title: title.slice(0, 200),
      body,
      link: `/documents/incoming/${e.id}`,
      dedupeKey: `${key}:${userId}`,
    }));

  return {
    async direct(ctx: RequestContext, id: string, input: DirectInput): Promise<IncomingRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const e = await lockEntry(trx, actor, id);
        if (!(await core.inScope(trx, actor, e.agencyId, 'document.direct'))) throw E.notYourTurn();
        const state = nextIncomingState(e.state, 'direct');
        const handlers = await identity.listOfficialsWith(trx, e.agencyId, 'document.handle');
        const byId = new Map(handlers.map((h) => [h.id, h]));
        let leadName: string | null = null;
        if (input.leadUserId) {
          const lead = byId.get(input.leadUserId);
          if (!lead) throw E.badLead();
          leadName = lead.fullName;
        } else {
          const unit = await deps.agencies.getAgency(trx, input.leadAgencyId!).catch(() => null);
          if (!unit || unit.id === e.agencyId || !unit.ancestorIds.includes(e.agencyId))
            throw E.badLead();
          leadName = unit.name;
        }
        if (input.coordinatorUserIds.some((c) => !byId.has(c) || c === input.leadUserId))
          throw E.badLead();
        const d = await documentOf(trx, e);
        const now = clock.now();
        const deadline =
          input.deadline ??
          d.dueOn ??
          core.localDate(await calendar.addWorkingDays(trx, now, DEFAULT_HANDLING_DAYS));
        const after = await incomingStore.update(trx, e.id, {
          state,
          leadUserId: input.leadUserId,
          leadName,
          leadAgencyId: input.leadAgencyId,
          coordinatorUserIds: input.coordinatorUserIds,
          instructions: input.instructions,
          deadline,
          directedBy: actor.userId,
          directedByName: actor.fullName,
          directedAt: now,
          updatedAt: now,
        });
        await core.record(trx, ctx, {
          document: d,
          incomingId: e.id,
          agencyId: e.agencyId,
          action: 'direct',
          note: input.instructions,
          data: {
            leadUserId: input.leadUserId,
            leadAgencyId: input.leadAgencyId,
            coordinators: input.coordinatorUserIds,
            deadline,
          },
        });
        const leads = input.leadUserId
          ? [input.leadUserId]
          : (await identity.listOfficialsWith(trx, input.leadAgencyId!, 'document.direct')).map(
              (u) => u.id,
            );
        const key = `document.direct:${e.id}:${now.getTime()}`;
        await notify.notifyMany(trx, [
          ...tell(
            after,
            leads,
            `Giao chủ trì xử lý văn bản ${d.symbol ?? ''}: ${d.summary}`,
            `Hạn xử lý: ${deadline}. ${input.instructions ?? ''}`,
            `${key}:lead`,
          ),
          ...tell(
            after,
            input.coordinatorUserIds,
            `Phối hợp xử lý văn bản ${d.symbol ?? ''}: ${d.summary}`,
            `Hạn xử lý: ${deadline}. ${input.instructions ?? ''}`,
            `${key}:co`,
          ),
        ]);
        return after;
      });
    },

    /** A progress note by the lead or a coordinator. */
    async note(ctx: RequestContext, id: string, note: string): Promise<IncomingRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const e = await lockEntry(trx, actor, id);
        const mayWrite =
          (await isLead(trx, actor, e)) || e.coordinatorUserIds.includes(actor.userId);
        if (!mayWrite) throw E.notYourTurn();
        const state = nextIncomingState(e.state, 'note');
        const after = await incomingStore.update(trx, e.id, { state, updatedAt: clock.now() });
        await core.record(trx, ctx, {
          document: await documentOf(trx, e),
          incomingId: e.id,
          agencyId: e.agencyId,
          action: 'note',
          note,
        });
        return after;
      });
    },

    /** The lead completes the handling; the leader who directed it hears of it. */
    async complete(ctx: RequestContext, id: string, note: string): Promise<IncomingRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const e = await lockEntry(trx, actor, id);
        if (!(await isLead(trx, actor, e))) throw E.notYourTurn();
        const state = nextIncomingState(e.state, 'complete');
        const now = clock.now();
        const after = await incomingStore.update(trx, e.id, {
          state,
          completedAt: now,
          completedOn: core.localDate(now),
          completedBy: actor.userId,
          updatedAt: now,
        });
        const d = await documentOf(trx, e);
        await core.record(trx, ctx, {
          document: d,
          incomingId: e.id,
          agencyId: e.agencyId,
          action: 'complete',
          note,
        });
        if (e.directedBy) {
          await notify.notifyMany(
            trx,
            tell(
              after,
              [e.directedBy],
              `Đã xử lý xong văn bản ${d.symbol ?? ''}: ${d.summary}`,
              note,
              `document.done:${e.id}`,
            ),
          );
        }
        return after;
      });
    },
  };
}
