import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS notify`.execute(db);
  // E-mail waiting to be sent, written in the transaction of the change it reports and sent
  // later by the outbox worker (never inside a transaction). A row is the payload of
  // version `payload_version`. `attempts` counts claims; a claimed row's `next_attempt_at`
  // is pushed out by a lease, so a worker that dies mid-send lets it be claimed again.
  // `last_error` holds an SMTP error code and reply code only, never the server's text
  // (it can quote the address).
  await sql`
    CREATE TABLE notify.outbox (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      payload_version integer NOT NULL,
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      sent_at timestamptz,
      last_error text,
      dedupe_key text,
      created_at timestamptz NOT NULL,
      CONSTRAINT outbox_pk PRIMARY KEY (id),
      CONSTRAINT outbox_kind_ck CHECK (kind IN ('email')),
      CONSTRAINT outbox_payload_version_ck CHECK (payload_version >= 1),
      CONSTRAINT outbox_status_ck CHECK (status IN ('pending', 'sent', 'failed')),
      CONSTRAINT outbox_attempts_ck CHECK (attempts >= 0),
      CONSTRAINT outbox_sent_ck CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
      CONSTRAINT outbox_last_error_ck CHECK (last_error IS NULL OR length(last_error) <= 100),
      CONSTRAINT outbox_dedupe_key_uq UNIQUE (dedupe_key)
    )`.execute(db);
  // What the worker claims: due pending rows, oldest first.
  await sql`CREATE INDEX outbox_due_ix
    ON notify.outbox (next_attempt_at) WHERE status = 'pending'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
