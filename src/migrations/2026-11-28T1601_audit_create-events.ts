import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS audit`.execute(db);
  await sql`
    CREATE TABLE audit.events (
      seq bigint NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      occurred_at timestamptz NOT NULL,
      actor_user_id uuid,
      actor_label text NOT NULL,
      agency_id uuid,
      action text NOT NULL,
      target_type text NOT NULL,
      target_id text NOT NULL,
      before jsonb,
      after jsonb,
      request_id text,
      client_ip text,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      CONSTRAINT events_pk PRIMARY KEY (seq),
      CONSTRAINT events_id_uq UNIQUE (id),
      CONSTRAINT events_hash_ck CHECK (hash ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`CREATE INDEX events_occurred_at_ix ON audit.events (occurred_at)`.execute(db);
  await sql`CREATE INDEX events_agency_ix ON audit.events (agency_id, seq)`.execute(db);
  await sql`CREATE INDEX events_actor_ix ON audit.events (actor_user_id, seq)`.execute(db);
  await sql`CREATE INDEX events_target_ix ON audit.events (target_type, target_id, seq)`.execute(
    db,
  );
  // One row: the last link. Locked FOR UPDATE by each writer, so the chain is serial,
  // and it lets verification notice rows deleted from the end.
  await sql`
    CREATE TABLE audit.chain_head (
      id smallint NOT NULL DEFAULT 1,
      seq bigint NOT NULL,
      hash text NOT NULL,
      CONSTRAINT chain_head_pk PRIMARY KEY (id),
      CONSTRAINT chain_head_single_ck CHECK (id = 1)
    )`.execute(db);
  await sql`INSERT INTO audit.chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
