import type { RequestContext } from '../../../platform/context.js';
import type { NotifyInput } from '../../notify/index.js';
import type { ReviewInput, SubmitInput } from '../schema.js';
import * as documentStore from '../store/documents.js';
import * as reviewStore from '../store/reviews.js';
import type { DocumentRow } from '../store/tables.js';
import { nextOutgoingState } from '../workflow.js';
import type { Core } from './core.js';
import type { DocumentDeps, Trx } from './deps.js';
import { documentErrors as E } from './errors.js';

/**
 * The review and approval chain (trình duyệt): the drafter submits with ordered reviewers;
 * each approves or returns with a comment; after the last approval the designated leader
 * signs (or returns it too). A return starts a new round once the drafter has revised.
 */
export function createReviewUseCases(deps: DocumentDeps, core: Core) {
  const { db, clock, identity, notify } = deps;

  const tell = (
    d: DocumentRow,
    userId: string | null,
    title: string,
    body: string,
  ): NotifyInput[] =>
    userId
      ? [
          {
            userId,
            email: null,
            title: `${title}: ${d.summary}`.slice(0, 200),
            body,
            link: `/documents/outgoing/${d.id}`,
            dedupeKey: `document:${d.id}:${d.rowVersion}:${userId}`,
          },
        ]
      : [];

  async function lockVisible(trx: Trx, ctx: RequestContext, id: string) {
    return core.visibleDocument(trx, ctx.actor!, await documentStore.lock(trx, id));
  }

  return {
    async submit(ctx: RequestContext, id: string, input: SubmitInput): Promise<DocumentRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const d = await lockVisible(trx, ctx, id);
        if (d.drafterUserId !== actor.userId) throw E.notYourTurn();
        const ids = input.reviewerUserIds;
        const next = nextOutgoingState(d.state, 'submit', ids.length);
        const approvers = await identity.listOfficialsWith(trx, d.agencyId, 'document.approve');
        const reviewers = ids.map((r) => approvers.find((a) => a.id === r));
        if (reviewers.some((r) => !r) || new Set(ids).size !== ids.length) throw E.badReviewer();
        const round = d.reviewRound + 1;
        await reviewStore.insertRound(
          trx,
          d.id,
          round,
          d.currentVersion,
          reviewers.map((r) => r!),
        );
        const after = await documentStore.update(trx, d.id, {
          state: next,
          reviewRound: round,
          updatedAt: clock.now(),
        });
        await core.record(trx, ctx, {
          document: after,
          action: 'submit',
          note: input.comment ?? null,
          data: { round, reviewers: ids },
        });
        await notify.notifyMany(
          trx,
          next === 'approved'
            ? tell(after, after.signerUserId, 'Văn bản chờ ký', 'Có văn bản trình ký.')
            : tell(after, ids[0]!, 'Văn bản chờ duyệt', 'Có văn bản trình duyệt.'),
        );
        return after;
      });
    },

    /** The current reviewer approves or returns; the signer may return an approved draft. */
    async review(ctx: RequestContext, id: string, input: ReviewInput): Promise<DocumentRow> {
      const actor = ctx.actor!;
      return db.transaction().execute(async (trx) => {
        const d = await lockVisible(trx, ctx, id);
        const now = clock.now();
        const comment = input.comment?.trim() || null;
        if (input.decision === 'return' && !comment) throw E.commentRequired();
        if (d.state === 'approved') {
          // Only the signer can still send an approved draft back.
          nextOutgoingState(d.state, input.decision === 'return' ? 'return' : 'approve');
          if (d.signerUserId !== actor.userId) throw E.notYourTurn();
          const after = await documentStore.update(trx, d.id, {
            state: 'returned',
            updatedAt: now,
          });
          await core.record(trx, ctx, { document: after, action: 'return', note: comment });
          await notify.notifyMany(
            trx,
            tell(after, after.drafterUserId, 'Văn bản bị trả lại', comment!),
          );
          return after;
        }
        nextOutgoingState(d.state, input.decision === 'approve' ? 'approve' : 'return');
        const turn = await reviewStore.current(trx, d.id, d.reviewRound);
        if (!turn || turn.reviewerUserId !== actor.userId) throw E.notYourTurn();
        if (input.decision === 'return') {
          await reviewStore.decide(trx, turn.id, 'returned', comment, now);
          await reviewStore.skipPending(trx, d.id, d.reviewRound, now);
          const after = await documentStore.update(trx, d.id, {
            state: 'returned',
            updatedAt: now,
          });
          await core.record(trx, ctx, { document: after, action: 'return', note: comment });
          await notify.notifyMany(
            trx,
            tell(after, after.drafterUserId, 'Văn bản bị trả lại', comment!),
          );
          return after;
        }
        await reviewStore.decide(trx, turn.id, 'approved', comment, now);
        const nextTurn = await reviewStore.current(trx, d.id, d.reviewRound);
        const state = nextOutgoingState(d.state, 'approve', nextTurn ? 1 : 0);
        const after = await documentStore.update(trx, d.id, { state, updatedAt: now });
        await core.record(trx, ctx, { document: after, action: 'approve', note: comment });
        await notify.notifyMany(
          trx,
          nextTurn
            ? tell(after, nextTurn.reviewerUserId, 'Văn bản chờ duyệt', 'Có văn bản trình duyệt.')
            : after.signerUserId === actor.userId
              ? []
              : tell(after, after.signerUserId, 'Văn bản chờ ký', 'Có văn bản trình ký.'),
        );
        return after;
      });
    },
  };
}
