import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS notify`.execute(db);
  // In-app notifications: a user's own inbox. `link` is a path inside the application
  // ('/dossiers/…'), never an absolute or protocol-relative URL, so a notification cannot
  // send its reader to another site. `dedupe_key` makes a retried caller write it once.
  await sql`
    CREATE TABLE notify.messages (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      dedupe_key text,
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      CONSTRAINT messages_pk PRIMARY KEY (id),
      CONSTRAINT messages_user_fk FOREIGN KEY (user_id) REFERENCES identity.users (id),
      CONSTRAINT messages_title_ck CHECK (length(title) BETWEEN 1 AND 200),
      CONSTRAINT messages_body_ck CHECK (length(body) <= 4000),
      CONSTRAINT messages_link_ck CHECK (link IS NULL OR (length(link) <= 500 AND link ~ '^/[^/\\\\]')),
      CONSTRAINT messages_dedupe_key_uq UNIQUE (dedupe_key)
    )`.execute(db);
  // The inbox, newest first, paged by (created_at, id).
  await sql`CREATE INDEX messages_user_created_ix
    ON notify.messages (user_id, created_at DESC, id DESC)`.execute(db);
  // The unread badge counts only these.
  await sql`CREATE INDEX messages_unread_ix
    ON notify.messages (user_id) WHERE read_at IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
