import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
//
// A draft can be cancelled before it is signed: the terminal state `cancelled`, when and why.
// The row and its history stay (the events table); the search index follows through its
// update trigger (a cancelled draft is not public there: `is_public` lists issued, recalled and
// registered only).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE document.documents DROP CONSTRAINT documents_state_ck`.execute(db);
  await sql`
    ALTER TABLE document.documents ADD CONSTRAINT documents_state_ck CHECK (state IN (
      'draft', 'in_review', 'returned', 'approved', 'signed', 'issued', 'recalled', 'registered',
      'cancelled'))`.execute(db);
  await sql`
    ALTER TABLE document.documents
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancel_reason text`.execute(db);
  await sql`
    ALTER TABLE document.documents ADD CONSTRAINT documents_cancelled_ck
    CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL))`.execute(db);
  await sql`
    ALTER TABLE document.documents ADD CONSTRAINT documents_cancelled_origin_ck
    CHECK (state <> 'cancelled' OR (origin = 'internal' AND number IS NULL))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
