import type { RequestContext } from '../../../platform/context.js';
import type { NotifyInput } from '../../notify/index.js';
import * as documentStore from '../store/documents.js';
import * as incomingStore from '../store/incoming.js';
import type { DocumentRow } from '../store/tables.js';
import { nextOutgoingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';

/**
 * Recall (thu hồi, Decree 30 Art. 18) by the issuing agency with a reason: the document leaves
 * the receivers' registers and lists, each receiver gets a logged notice, everything audited.
 * Its number stays used (registers are gap-free, never reused). A replacement is a new draft
 * naming it in `replacesId`; issuing that links both ways.
 */
export function createRecallUseCase(deps: DocumentDeps, core: Core) {
  const { db, clock, identity, notify } = deps;

  return {
    async recall(ctx: RequestContext, id: string, reason: string): Promise<DocumentRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const d = await core.visibleDocument(trx, actor, await documentStore.lock(trx, id));
        if (!(await core.inScope(trx, actor, d.agencyId, 'document.issue'))) throw E.notFound();
        const next = nextOutgoingState(d.state, 'recall');
        const now = clock.now();
        const after = await documentStore.update(trx, d.id, {
          state: next,
          recalledAt: now,
          recallReason: reason,
          updatedAt: now,
        });
        await core.record(trx, ctx, { document: after, action: 'recall', note: reason });
        const entries = await incomingStore.markRecalled(trx, d.id, now);
        const notices: NotifyInput[] = [];
        for (const e of entries) {
          await core.record(trx, ctx, {
            document: after,
            incomingId: e.id,
            agencyId: e.agencyId,
            action: 'recalled',
            note: reason,
          });
          const people = [
            ...(await identity.listOfficialsWith(trx, e.agencyId, 'document.register')),
            ...(await identity.listOfficialsWith(trx, e.agencyId, 'document.direct')),
          ].map((u) => u.id);
          if (e.leadUserId) people.push(e.leadUserId);
          people.push(...e.coordinatorUserIds);
          for (const userId of new Set(people)) {
            notices.push({
              userId,
              email: null,
              title: `Thu hồi văn bản ${d.symbol}`,
              body: `${d.issuerName} thu hồi văn bản ${d.symbol} (${d.summary}). Lý do: ${reason}`,
              dedupeKey: `document.recall:${d.id}:${userId}`,
            });
          }
        }
        for (const r of await incomingStore.listRecipients(trx, d.id)) {
          if (!r.email) continue;
          notices.push({
            userId: null,
            email: r.email,
            title: `Thu hồi văn bản ${d.symbol}`,
            body: `${d.issuerName} thu hồi văn bản ${d.symbol} (${d.summary}). Lý do: ${reason}`,
            dedupeKey: `document.recall-email:${d.id}:${r.id}`,
          });
        }
        await notify.notifyMany(trx, notices);
        return after;
      });
    },
  };
}
