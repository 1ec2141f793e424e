import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Incoming entries (văn bản đến): a document in a receiving agency's incoming register, with
  // its incoming number, the check of its signatures, the direction and the handling.
  await sql`
    CREATE TABLE document.incoming (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      register_id uuid NOT NULL,
      number integer NOT NULL,
      source text NOT NULL,
      sender_agency_id uuid,
      received_at timestamptz NOT NULL,
      received_on date NOT NULL,
      validation jsonb,
      is_valid boolean,
      state text NOT NULL DEFAULT 'received',
      read_at timestamptz,
      read_by_user_id uuid,
      read_by_name text,
      lead_user_id uuid,
      lead_name text,
      lead_agency_id uuid,
      coordinator_user_ids uuid[] NOT NULL DEFAULT '{}',
      instructions text,
      deadline date,
      directed_by uuid,
      directed_by_name text,
      directed_at timestamptz,
      completed_at timestamptz,
      completed_on date,
      completed_by uuid,
      returned_at timestamptz,
      return_reason text,
      recalled_at timestamptz,
      created_by uuid,
      updated_at timestamptz NOT NULL,
      CONSTRAINT incoming_pk PRIMARY KEY (id),
      CONSTRAINT incoming_register_number_uq UNIQUE (register_id, number),
      CONSTRAINT incoming_document_agency_uq UNIQUE (document_id, agency_id),
      CONSTRAINT incoming_document_fk FOREIGN KEY (document_id) REFERENCES document.documents (id),
      CONSTRAINT incoming_register_fk FOREIGN KEY (register_id) REFERENCES document.registers (id),
      CONSTRAINT incoming_source_ck CHECK (source IN ('platform', 'paper', 'email')),
      CONSTRAINT incoming_state_ck CHECK (
        state IN ('received', 'directed', 'in_progress', 'done', 'returned')),
      CONSTRAINT incoming_number_ck CHECK (number > 0),
      CONSTRAINT incoming_done_ck CHECK ((state = 'done') = (completed_at IS NOT NULL)),
      CONSTRAINT incoming_returned_ck CHECK ((state = 'returned') = (returned_at IS NOT NULL)),
      CONSTRAINT incoming_sender_ck CHECK ((source = 'platform') = (sender_agency_id IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE INDEX incoming_agency_ix ON document.incoming (agency_id, received_at DESC, id DESC)
    WHERE recalled_at IS NULL`.execute(db);
  await sql`
    CREATE INDEX incoming_open_deadline_ix ON document.incoming (deadline)
    WHERE state IN ('directed', 'in_progress') AND recalled_at IS NULL`.execute(db);
  await sql`
    CREATE INDEX incoming_lead_ix ON document.incoming (lead_user_id)
    WHERE lead_user_id IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX incoming_coordinators_gin_ix ON document.incoming USING gin (coordinator_user_ids)`.execute(
    db,
  );

  // Recipients of an outgoing document: agencies in the platform (delivered to an incoming
  // entry) and outside addresses (sent by e-mail through the outbox).
  await sql`
    CREATE TABLE document.recipients (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL,
      ordinal integer NOT NULL,
      agency_id uuid,
      name text NOT NULL,
      email text,
      delivered_at timestamptz,
      incoming_id uuid,
      CONSTRAINT recipients_pk PRIMARY KEY (id),
      CONSTRAINT recipients_document_ordinal_uq UNIQUE (document_id, ordinal),
      CONSTRAINT recipients_document_fk FOREIGN KEY (document_id) REFERENCES document.documents (id),
      CONSTRAINT recipients_incoming_fk FOREIGN KEY (incoming_id) REFERENCES document.incoming (id),
      CONSTRAINT recipients_target_ck CHECK ((agency_id IS NULL) <> (email IS NULL))
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX recipients_document_agency_uq ON document.recipients (document_id, agency_id)
    WHERE agency_id IS NOT NULL`.execute(db);

  // The history of a document and of its incoming entries (append-only): who did what, notes.
  await sql`
    CREATE TABLE document.events (
      id bigint GENERATED ALWAYS AS IDENTITY,
      document_id uuid NOT NULL,
      incoming_id uuid,
      action text NOT NULL,
      actor_user_id uuid,
      actor_name text NOT NULL,
      at timestamptz NOT NULL,
      note text,
      data jsonb NOT NULL DEFAULT '{}',
      CONSTRAINT events_pk PRIMARY KEY (id),
      CONSTRAINT events_document_fk FOREIGN KEY (document_id) REFERENCES document.documents (id),
      CONSTRAINT events_incoming_fk FOREIGN KEY (incoming_id) REFERENCES document.incoming (id)
    )`.execute(db);
  await sql`CREATE INDEX events_document_ix ON document.events (document_id, id)`.execute(db);
  await sql`
    CREATE INDEX events_incoming_ix ON document.events (incoming_id, id)
    WHERE incoming_id IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
