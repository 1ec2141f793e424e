import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
//
// One current certificate (requested, approved, active or suspended) per holder and kind of
// key, kept by the database: the service's check (`pki.already_held`) read before it wrote,
// so two requests at once — a double click without an Idempotency-Key — could both pass it.
// A renewal supersedes the old certificate before it inserts the new one. An installation
// that already holds such a pair stops here, naming this index: reject one of the two
// requests (PKI screen), then start again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNIQUE INDEX certificates_current_uq ON pki.certificates
    (holder_kind, coalesce(user_id, agency_id), key_kind)
    WHERE status IN ('requested', 'approved', 'active', 'suspended')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
