import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS dossier`.execute(db);

  const states = sql.raw(
    `'draft','submitted','received','in_process','awaiting_supplement','paused','transferred',` +
      `'approved','refused','result_ready','returned','withdrawn','cancelled'`,
  );

  // One row per dossier (hồ sơ). The procedure version and its workflow are copied in at
  // creation: a later change of the catalogue never changes a dossier already filed.
  // Instants are timestamptz; the statistics' days are local dates computed by the service.
  await sql`
    CREATE TABLE dossier.dossiers (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      code text,
      procedure_id uuid NOT NULL,
      procedure_version_id uuid NOT NULL,
      procedure_code text NOT NULL,
      procedure_name text NOT NULL,
      sector_id uuid,
      receiving_agency_id uuid NOT NULL,
      holder_agency_id uuid NOT NULL,
      involved_agency_ids uuid[] NOT NULL,
      channel text NOT NULL,
      state text NOT NULL,
      step_index integer NOT NULL DEFAULT 0,
      resume_state text,
      workflow jsonb NOT NULL,
      papers jsonb NOT NULL,
      applicant_user_id uuid,
      applicant jsonb NOT NULL,
      applicant_folded text NOT NULL,
      form_data jsonb NOT NULL,
      processing_time double precision,
      time_unit text,
      assignee_user_id uuid,
      assignee_name text,
      submitted_at timestamptz,
      received_at timestamptz,
      due_at timestamptz,
      appointment_at timestamptz,
      clock_stopped_at timestamptz,
      settled_at timestamptz,
      finished_at timestamptz,
      finish_kind text,
      returned_at timestamptz,
      return_method text,
      fee_vnd bigint NOT NULL DEFAULT 0,
      rating text,
      rated_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      row_version integer NOT NULL DEFAULT 1,
      CONSTRAINT dossiers_pk PRIMARY KEY (id),
      CONSTRAINT dossiers_code_uq UNIQUE (code),
      CONSTRAINT dossiers_code_ck CHECK (code IS NULL OR code ~ '^[0-9A-Za-z.]{1,40}-[0-9]{6}-[0-9]{4,}$'),
      CONSTRAINT dossiers_channel_ck CHECK (channel IN ('online', 'desk', 'post')),
      CONSTRAINT dossiers_state_ck CHECK (state IN (${states})),
      CONSTRAINT dossiers_resume_state_ck CHECK (resume_state IS NULL OR resume_state IN (${states})),
      CONSTRAINT dossiers_code_when_ck CHECK (code IS NOT NULL OR state IN ('draft', 'cancelled')),
      CONSTRAINT dossiers_step_ck CHECK (step_index >= 0),
      CONSTRAINT dossiers_time_unit_ck CHECK (
        time_unit IS NULL OR time_unit IN ('working_day', 'day', 'hour', 'month')),
      CONSTRAINT dossiers_finish_kind_ck CHECK (finish_kind IS NULL OR finish_kind IN (
        'early', 'on_time', 'late', 'refused', 'withdrawn', 'cancelled')),
      CONSTRAINT dossiers_finished_ck CHECK ((finish_kind IS NULL) = (finished_at IS NULL)),
      CONSTRAINT dossiers_finished_received_ck CHECK (finished_at IS NULL OR received_at IS NOT NULL),
      CONSTRAINT dossiers_due_ck CHECK ((received_at IS NULL) = (due_at IS NULL)),
      CONSTRAINT dossiers_return_method_ck CHECK (
        return_method IS NULL OR return_method IN ('desk', 'post', 'online')),
      CONSTRAINT dossiers_rating_ck CHECK (
        rating IS NULL OR rating IN ('very_satisfied', 'satisfied', 'not_satisfied')),
      CONSTRAINT dossiers_rated_ck CHECK ((rating IS NULL) = (rated_at IS NULL)),
      CONSTRAINT dossiers_fee_ck CHECK (fee_vnd >= 0)
    )`.execute(db);
  // Desk queues: by the agency holding the dossier and its state, newest first (keyset).
  await sql`
    CREATE INDEX dossiers_holder_state_ix ON dossier.dossiers
    (holder_agency_id, state, created_at DESC, id DESC)`.execute(db);
  await sql`
    CREATE INDEX dossiers_receiving_ix ON dossier.dossiers
    (receiving_agency_id, created_at DESC, id DESC)`.execute(db);
  await sql`
    CREATE INDEX dossiers_open_due_ix ON dossier.dossiers (holder_agency_id, due_at)
    WHERE finished_at IS NULL AND received_at IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX dossiers_involved_gin_ix ON dossier.dossiers USING gin (involved_agency_ids)`.execute(
    db,
  );
  await sql`
    CREATE INDEX dossiers_assignee_ix ON dossier.dossiers (assignee_user_id, state)
    WHERE assignee_user_id IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX dossiers_applicant_ix ON dossier.dossiers (applicant_user_id, created_at DESC, id DESC)
    WHERE applicant_user_id IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX dossiers_applicant_folded_trgm_ix ON dossier.dossiers
    USING gin (applicant_folded public.gin_trgm_ops)`.execute(db);

  // The processing-control slip (form 06): every transition, append-only.
  await sql`
    CREATE TABLE dossier.events (
      id bigint GENERATED ALWAYS AS IDENTITY,
      dossier_id uuid NOT NULL,
      seq integer NOT NULL,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      step_index integer NOT NULL,
      step_key text,
      actor_user_id uuid,
      actor_name text NOT NULL,
      actor_agency_id uuid,
      at timestamptz NOT NULL,
      public_note text,
      internal_note text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      CONSTRAINT events_pk PRIMARY KEY (id),
      CONSTRAINT events_dossier_fk FOREIGN KEY (dossier_id) REFERENCES dossier.dossiers (id),
      CONSTRAINT events_seq_uq UNIQUE (dossier_id, seq),
      CONSTRAINT events_public_note_ck CHECK (public_note IS NULL OR length(public_note) <= 2000),
      CONSTRAINT events_internal_note_ck CHECK (internal_note IS NULL OR length(internal_note) <= 2000)
    )`.execute(db);

  // Attachments: the file itself is stored by content hash; this row is its metadata.
  await sql`
    CREATE TABLE dossier.files (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL,
      purpose text NOT NULL,
      paper_key text,
      sha256 text NOT NULL,
      size_bytes bigint NOT NULL,
      kind text NOT NULL,
      mime text NOT NULL,
      file_name text NOT NULL,
      uploaded_by uuid,
      uploaded_at timestamptz NOT NULL,
      removed_at timestamptz,
      CONSTRAINT files_pk PRIMARY KEY (id),
      CONSTRAINT files_dossier_fk FOREIGN KEY (dossier_id) REFERENCES dossier.dossiers (id),
      CONSTRAINT files_purpose_ck CHECK (purpose IN ('paper', 'supplement', 'result')),
      CONSTRAINT files_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      CONSTRAINT files_size_ck CHECK (size_bytes > 0),
      CONSTRAINT files_kind_ck CHECK (kind IN ('pdf', 'jpeg', 'png', 'docx')),
      CONSTRAINT files_name_ck CHECK (length(file_name) BETWEEN 1 AND 255)
    )`.execute(db);
  await sql`CREATE INDEX files_dossier_ix ON dossier.files (dossier_id, uploaded_at)`.execute(db);

  // Fees due per dossier; paid at the desk now, online later (method/reference are ready).
  await sql`
    CREATE TABLE dossier.fees (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL,
      amount_vnd bigint NOT NULL,
      status text NOT NULL,
      method text,
      receipt_no text,
      paid_at timestamptz,
      recorded_by uuid,
      created_at timestamptz NOT NULL,
      CONSTRAINT fees_pk PRIMARY KEY (id),
      CONSTRAINT fees_dossier_fk FOREIGN KEY (dossier_id) REFERENCES dossier.dossiers (id),
      CONSTRAINT fees_dossier_uq UNIQUE (dossier_id),
      CONSTRAINT fees_amount_ck CHECK (amount_vnd >= 0),
      CONSTRAINT fees_status_ck CHECK (status IN ('due', 'paid', 'waived')),
      CONSTRAINT fees_method_ck CHECK (method IS NULL OR method IN ('desk', 'online')),
      CONSTRAINT fees_paid_ck CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
      CONSTRAINT fees_receipt_ck CHECK (receipt_no IS NULL OR length(receipt_no) BETWEEN 1 AND 50)
    )`.execute(db);

  // Dossier codes: one counter per receiving agency (its electronic identifier) and day.
  // Incremented in the transaction that files the dossier, so a rollback returns the number
  // and the sequence has no gaps; the row lock orders concurrent filings.
  await sql`
    CREATE TABLE dossier.code_counters (
      agency_code text NOT NULL,
      day date NOT NULL,
      last_seq integer NOT NULL,
      CONSTRAINT code_counters_pk PRIMARY KEY (agency_code, day),
      CONSTRAINT code_counters_seq_ck CHECK (last_seq > 0)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
