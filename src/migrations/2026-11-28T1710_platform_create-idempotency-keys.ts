import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS platform`.execute(db);
  // A create request carrying an Idempotency-Key claims (scope, key) in the same transaction
  // as the row it creates: a repeated request finds the claim and gets the same resource, a
  // concurrent one waits on the primary key until the first commits or rolls back.
  await sql`
    CREATE TABLE platform.idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      resource_id text NOT NULL,
      created_at timestamptz NOT NULL,
      CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, key),
      CONSTRAINT idempotency_keys_key_ck CHECK (key ~ '^[A-Za-z0-9._:-]{8,128}$'),
      CONSTRAINT idempotency_keys_scope_ck CHECK (length(scope) BETWEEN 1 AND 200)
    )`.execute(db);
  await sql`CREATE INDEX idempotency_keys_created_ix ON platform.idempotency_keys (created_at)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
