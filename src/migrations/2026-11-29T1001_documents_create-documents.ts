import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per document with the metadata of Decree 30/2020 annex VI. `internal`: drafted,
  // signed and issued here by `agency_id`; `external`: a paper or e-mail document registered
  // by the receiving agency `agency_id` (issuer named in `issuer_name`).
  await sql`
    CREATE TABLE document.documents (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      origin text NOT NULL,
      agency_id uuid NOT NULL,
      issuer_name text NOT NULL,
      state text NOT NULL,
      type_key text NOT NULL,
      summary text NOT NULL,
      urgency text NOT NULL DEFAULT 'normal',
      language text NOT NULL DEFAULT 'vi',
      pages integer,
      place text,
      symbol_tail text,
      register_id uuid,
      number integer,
      symbol text,
      issued_on date,
      issued_at timestamptz,
      authority text,
      head_title text,
      signer_user_id uuid,
      signer_name text,
      signer_position text,
      signed_at timestamptz,
      drafter_user_id uuid,
      drafter_name text,
      drafting_unit text,
      due_on date,
      compose jsonb,
      layout jsonb,
      current_version integer NOT NULL DEFAULT 1,
      review_round integer NOT NULL DEFAULT 0,
      pdf_sha256 text NOT NULL,
      signed_sha256 text,
      issued_sha256 text,
      verify_code text,
      replaces_id uuid,
      replaced_by_id uuid,
      recalled_at timestamptz,
      recall_reason text,
      pdf_text text NOT NULL DEFAULT '',
      search_text text NOT NULL DEFAULT '',
      created_by uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      row_version integer NOT NULL DEFAULT 1,
      CONSTRAINT documents_pk PRIMARY KEY (id),
      CONSTRAINT documents_register_number_uq UNIQUE (register_id, number),
      CONSTRAINT documents_verify_code_uq UNIQUE (verify_code),
      CONSTRAINT documents_origin_ck CHECK (origin IN ('internal', 'external')),
      CONSTRAINT documents_state_ck CHECK (state IN (
        'draft', 'in_review', 'returned', 'approved', 'signed', 'issued', 'recalled', 'registered')),
      CONSTRAINT documents_urgency_ck CHECK (urgency IN ('normal', 'khan', 'thuong_khan', 'hoa_toc')),
      CONSTRAINT documents_authority_ck CHECK (
        authority IS NULL OR authority IN ('KT.', 'TM.', 'TUQ.', 'TL.', 'Q.')),
      CONSTRAINT documents_number_ck CHECK (number IS NULL OR number > 0),
      CONSTRAINT documents_issued_ck CHECK (
        origin <> 'internal' OR (state IN ('issued', 'recalled')) = (number IS NOT NULL)),
      CONSTRAINT documents_issued_at_ck CHECK (issued_at IS NULL OR issued_on IS NOT NULL),
      CONSTRAINT documents_recalled_ck CHECK ((state = 'recalled') = (recalled_at IS NOT NULL)),
      CONSTRAINT documents_pages_ck CHECK (pages IS NULL OR pages > 0),
      CONSTRAINT documents_sha_ck CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$')
    )`.execute(db);
  await sql`
    CREATE INDEX documents_agency_state_ix ON document.documents
    (agency_id, state, created_at DESC, id DESC)`.execute(db);
  await sql`
    CREATE INDEX documents_agency_issued_ix ON document.documents (agency_id, issued_at)
    WHERE issued_at IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX documents_signer_ix ON document.documents (signer_user_id, state)
    WHERE signer_user_id IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX documents_drafter_ix ON document.documents (drafter_user_id, state)
    WHERE drafter_user_id IS NOT NULL`.execute(db);
  await sql`
    ALTER TABLE document.documents ADD CONSTRAINT documents_register_fk
    FOREIGN KEY (register_id) REFERENCES document.registers (id)`.execute(db);
  await sql`
    ALTER TABLE document.documents ADD CONSTRAINT documents_replaces_fk
    FOREIGN KEY (replaces_id) REFERENCES document.documents (id)`.execute(db);

  // Drafting versions (a new one on every return). The bytes live in the file store.
  await sql`
    CREATE TABLE document.versions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL,
      version integer NOT NULL,
      source text NOT NULL,
      sha256 text NOT NULL,
      size_bytes integer NOT NULL,
      pages integer NOT NULL,
      original_sha256 text,
      file_name text NOT NULL,
      note text,
      created_by uuid,
      created_at timestamptz NOT NULL,
      CONSTRAINT versions_pk PRIMARY KEY (id),
      CONSTRAINT versions_document_version_uq UNIQUE (document_id, version),
      CONSTRAINT versions_document_fk FOREIGN KEY (document_id) REFERENCES document.documents (id),
      CONSTRAINT versions_source_ck CHECK (source IN ('pdf', 'docx', 'compose')),
      CONSTRAINT versions_version_ck CHECK (version > 0)
    )`.execute(db);

  // The review and approval chain: ordered reviewers per round (a return starts a new round).
  await sql`
    CREATE TABLE document.reviews (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL,
      round integer NOT NULL,
      ordinal integer NOT NULL,
      reviewer_user_id uuid NOT NULL,
      reviewer_name text NOT NULL,
      decision text NOT NULL DEFAULT 'pending',
      comment text,
      version integer NOT NULL,
      decided_at timestamptz,
      CONSTRAINT reviews_pk PRIMARY KEY (id),
      CONSTRAINT reviews_document_round_ordinal_uq UNIQUE (document_id, round, ordinal),
      CONSTRAINT reviews_document_fk FOREIGN KEY (document_id) REFERENCES document.documents (id),
      CONSTRAINT reviews_decision_ck CHECK (decision IN ('pending', 'approved', 'returned', 'skipped')),
      CONSTRAINT reviews_decided_ck CHECK ((decision = 'pending') = (decided_at IS NULL))
    )`.execute(db);
  await sql`
    CREATE INDEX reviews_reviewer_ix ON document.reviews (reviewer_user_id)
    WHERE decision = 'pending'`.execute(db);

  // Related documents (văn bản liên quan), both directions stored.
  await sql`
    CREATE TABLE document.relations (
      document_id uuid NOT NULL,
      related_id uuid NOT NULL,
      CONSTRAINT relations_pk PRIMARY KEY (document_id, related_id),
      CONSTRAINT relations_document_fk FOREIGN KEY (document_id) REFERENCES document.documents (id),
      CONSTRAINT relations_related_fk FOREIGN KEY (related_id) REFERENCES document.documents (id),
      CONSTRAINT relations_self_ck CHECK (document_id <> related_id)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
