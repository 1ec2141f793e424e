import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
// Records (lập hồ sơ, Decree 30/2020 ch. IV and annex V): an agency's annual file plan with
// its headings, the files opened under them, and the documents filed in each (a link: one
// document may sit in several files without a copy).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Danh mục hồ sơ: one per agency and year.
  await sql`
    CREATE TABLE document.file_plans (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      year integer NOT NULL,
      title text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT file_plans_pk PRIMARY KEY (id),
      CONSTRAINT file_plans_agency_year_uq UNIQUE (agency_id, year),
      CONSTRAINT file_plans_year_ck CHECK (year BETWEEN 2000 AND 2100),
      CONSTRAINT file_plans_title_ck CHECK (length(btrim(title)) BETWEEN 1 AND 500)
    )`.execute(db);

  // Đề mục: a heading of the plan (a field of work or a unit), whose code enters file codes.
  await sql`
    CREATE TABLE document.file_headings (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      plan_id uuid NOT NULL,
      ordinal integer NOT NULL,
      code text NOT NULL,
      title text NOT NULL,
      last_number integer NOT NULL DEFAULT 0,
      CONSTRAINT file_headings_pk PRIMARY KEY (id),
      CONSTRAINT file_headings_plan_fk FOREIGN KEY (plan_id) REFERENCES document.file_plans (id),
      CONSTRAINT file_headings_plan_code_uq UNIQUE (plan_id, code),
      CONSTRAINT file_headings_plan_ordinal_uq UNIQUE (plan_id, ordinal),
      CONSTRAINT file_headings_code_ck CHECK (length(code) BETWEEN 1 AND 20 AND code !~ '[.[:space:]]'),
      CONSTRAINT file_headings_last_number_ck CHECK (last_number >= 0)
    )`.execute(db);

  // Hồ sơ. `retention_years` NULL means permanent (vĩnh viễn). Closed files are read-only;
  // `transferred_on` records the handover to the agency's archive (nộp lưu).
  await sql`
    CREATE TABLE document.files (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      plan_id uuid NOT NULL,
      heading_id uuid NOT NULL,
      number integer NOT NULL,
      code text NOT NULL,
      title text NOT NULL,
      retention_years integer,
      keeper_user_id uuid NOT NULL,
      keeper_name text NOT NULL,
      note text,
      state text NOT NULL DEFAULT 'open',
      opened_on date NOT NULL,
      closed_on date,
      closed_at timestamptz,
      closed_by uuid,
      transferred_on date,
      created_by uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      row_version integer NOT NULL DEFAULT 1,
      CONSTRAINT files_pk PRIMARY KEY (id),
      CONSTRAINT files_plan_fk FOREIGN KEY (plan_id) REFERENCES document.file_plans (id),
      CONSTRAINT files_heading_fk FOREIGN KEY (heading_id) REFERENCES document.file_headings (id),
      CONSTRAINT files_heading_number_uq UNIQUE (heading_id, number),
      CONSTRAINT files_plan_code_uq UNIQUE (plan_id, code),
      CONSTRAINT files_state_ck CHECK (state IN ('open', 'closed')),
      CONSTRAINT files_closed_ck CHECK ((state = 'closed') = (closed_on IS NOT NULL)),
      CONSTRAINT files_transferred_ck CHECK (transferred_on IS NULL OR state = 'closed'),
      CONSTRAINT files_retention_ck CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 100),
      CONSTRAINT files_number_ck CHECK (number > 0),
      CONSTRAINT files_title_ck CHECK (length(btrim(title)) BETWEEN 1 AND 1000)
    )`.execute(db);
  await sql`
    CREATE INDEX files_agency_state_ix ON document.files (agency_id, state, closed_on)`.execute(db);

  await sql`
    CREATE TABLE document.file_documents (
      file_id uuid NOT NULL,
      document_id uuid NOT NULL,
      ordinal integer NOT NULL,
      added_by uuid,
      added_at timestamptz NOT NULL,
      CONSTRAINT file_documents_pk PRIMARY KEY (file_id, document_id),
      CONSTRAINT file_documents_file_fk FOREIGN KEY (file_id) REFERENCES document.files (id),
      CONSTRAINT file_documents_document_fk FOREIGN KEY (document_id)
        REFERENCES document.documents (id),
      CONSTRAINT file_documents_ordinal_ck CHECK (ordinal > 0)
    )`.execute(db);
  await sql`CREATE INDEX file_documents_document_ix ON document.file_documents (document_id)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
