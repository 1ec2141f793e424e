import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Several hash chains instead of one, so that concurrent writers do not queue on one head row
// (each takes a head nobody holds: FOR UPDATE SKIP LOCKED). `seq` stays the log's order for
// reading (now from a sequence, allocated when a writer takes its head); `chain` and `link`
// place a row in its chain. The rows written so far form chain 1 unchanged: their link is
// their seq, and a link of chain 1 whose position equals its seq hashes as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SEQUENCE audit.events_seq AS bigint`.execute(db);
  await sql`
    SELECT setval('audit.events_seq', coalesce((SELECT max(seq) FROM audit.events), 0) + 1, false)`.execute(
    db,
  );
  await sql`
    ALTER TABLE audit.events
      ADD COLUMN chain smallint NOT NULL DEFAULT 1,
      ADD COLUMN link bigint`.execute(db);
  await sql`ALTER TABLE audit.events DISABLE TRIGGER events_append_only_tr`.execute(db);
  await sql`UPDATE audit.events SET link = seq`.execute(db);
  await sql`ALTER TABLE audit.events ENABLE TRIGGER events_append_only_tr`.execute(db);
  await sql`
    ALTER TABLE audit.events
      ALTER COLUMN link SET NOT NULL,
      ALTER COLUMN chain DROP DEFAULT,
      ADD CONSTRAINT events_chain_link_uq UNIQUE (chain, link)`.execute(db);
  await sql`ALTER TABLE audit.chain_head DROP CONSTRAINT chain_head_single_ck`.execute(db);
  await sql`
    ALTER TABLE audit.chain_head ADD CONSTRAINT chain_head_id_ck CHECK (id BETWEEN 1 AND 4)`.execute(
    db,
  );
  await sql`
    INSERT INTO audit.chain_head (id, seq, hash)
    SELECT id, 0, repeat('0', 64) FROM generate_series(2, 4) AS id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
