import type { Exec, ReviewRow } from './tables.js';
import { q } from './tables.js';

export async function insertRound(
  ex: Exec,
  documentId: string,
  round: number,
  version: number,
  reviewers: readonly { id: string; fullName: string }[],
): Promise<void> {
  if (reviewers.length === 0) return;
  await q(ex)
    .insertInto('document.reviews')
    .values(
      reviewers.map((r, i) => ({
        documentId,
        round,
        ordinal: i + 1,
        reviewerUserId: r.id,
        reviewerName: r.fullName,
        version,
      })),
    )
    .execute();
}

export async function list(ex: Exec, documentId: string): Promise<ReviewRow[]> {
  return q(ex)
    .selectFrom('document.reviews')
    .selectAll()
    .where('documentId', '=', documentId)
    .orderBy('round')
    .orderBy('ordinal')
    .execute();
}

/** The reviewer whose turn it is in a round: the first still pending. */
export async function current(
  ex: Exec,
  documentId: string,
  round: number,
): Promise<ReviewRow | undefined> {
  return q(ex)
    .selectFrom('document.reviews')
    .selectAll()
    .where('documentId', '=', documentId)
    .where('round', '=', round)
    .where('decision', '=', 'pending')
    .orderBy('ordinal')
    .limit(1)
    .executeTakeFirst();
}

export async function decide(
  ex: Exec,
  id: string,
  decision: 'approved' | 'returned',
  comment: string | null,
  at: Date,
): Promise<void> {
  await q(ex)
    .updateTable('document.reviews')
    .set({ decision, comment, decidedAt: at })
    .where('id', '=', id)
    .execute();
}

/** After a return, the reviewers of the round who did not get to decide. */
export async function skipPending(ex: Exec, documentId: string, round: number, at: Date) {
  await q(ex)
    .updateTable('document.reviews')
    .set({ decision: 'skipped', decidedAt: at })
    .where('documentId', '=', documentId)
    .where('round', '=', round)
    .where('decision', '=', 'pending')
    .execute();
}

/** Documents waiting for this reviewer (their turn in the current round). */
export async function waitingFor(ex: Exec, userId: string): Promise<string[]> {
  const rows = await q(ex)
    .selectFrom('document.reviews as r')
    .innerJoin('document.documents as d', 'd.id', 'r.documentId')
    .select('r.documentId')
    .where('r.reviewerUserId', '=', userId)
    .where('r.decision', '=', 'pending')
    .whereRef('r.round', '=', 'd.reviewRound')
    .where('d.state', '=', 'in_review')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('document.reviews as e')
            .select('e.id')
            .whereRef('e.documentId', '=', 'r.documentId')
            .whereRef('e.round', '=', 'r.round')
            .where('e.decision', '=', 'pending')
            .whereRef('e.ordinal', '<', 'r.ordinal'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.documentId);
}

/** Whether the user is (or was) a reviewer of the document in any round. */
export async function hasReviewer(ex: Exec, documentId: string, userId: string): Promise<boolean> {
  const row = await q(ex)
    .selectFrom('document.reviews')
    .select('id')
    .where('documentId', '=', documentId)
    .where('reviewerUserId', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
