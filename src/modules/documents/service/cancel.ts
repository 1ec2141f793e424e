import type { RequestContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/http/access.js';
import type { NotifyInput } from '../../notify/index.js';
import * as documentStore from '../store/documents.js';
import * as reviewStore from '../store/reviews.js';
import type { DocumentRow } from '../store/tables.js';
import { nextOutgoingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';

/** The drafter and the designated signer may cancel a draft (with `document.draft` there). */
export function mayCancel(actor: Actor, d: DocumentRow): boolean {
  return d.drafterUserId === actor.userId || d.signerUserId === actor.userId;
}

/**
 * Cancelling a draft (hủy dự thảo) before it is signed: by its drafter or its designated
 * signer, holding `document.draft` in the document's agency. The document ends `cancelled`
 * (no number was taken; it leaves every queue), its history stays; the pending reviews of the
 * round are closed and whoever was waiting on it is told. A signed document is the clerk's to
 * issue and an issued one is recalled (Art. 18): 409 with the allowed actions.
 */
export function createCancelUseCase(deps: DocumentDeps, core: Core) {
  const { db, clock, notify } = deps;

  return {
    async cancel(ctx: RequestContext, id: string, reason: string) {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const d = await core.visibleDocument(trx, actor, await documentStore.lock(trx, id));
        const next = nextOutgoingState(d.state, 'cancel');
        if (!mayCancel(actor, d)) throw E.notYourTurn();
        if (!(await core.inScope(trx, actor, d.agencyId, 'document.draft'))) throw E.notInScope();
        const now = clock.now();
        // Whose turn it was: the current reviewer, or the signer of an approved draft.
        const waiting =
          d.state === 'in_review'
            ? (await reviewStore.current(trx, d.id, d.reviewRound))?.reviewerUserId
            : d.state === 'approved'
              ? d.signerUserId
              : null;
        await reviewStore.skipPending(trx, d.id, d.reviewRound, now);
        const after = await documentStore.update(trx, d.id, {
          state: next,
          cancelledAt: now,
          cancelReason: reason,
          updatedAt: now,
        });
        await core.record(trx, ctx, {
          document: after,
          action: 'cancel',
          note: reason,
          data: { from: d.state, version: d.currentVersion },
        });
        const told = new Set(
          [waiting, d.drafterUserId].filter((u): u is string => !!u && u !== actor.userId),
        );
        await notify.notifyMany(
          trx,
          [...told].map((userId): NotifyInput => ({
            userId,
            email: null,
            title: `Dự thảo đã bị hủy: ${d.summary}`.slice(0, 200),
            body: `${actor.fullName} đã hủy dự thảo. Lý do: ${reason}`.slice(0, 2000),
            link: `/documents/outgoing/${d.id}`,
            dedupeKey: `document.cancel:${d.id}:${userId}`,
          })),
        );
        return after;
      });
    },
  };
}
