import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS catalog`.execute(db);

  // Lĩnh vực. The settings that decide who carries a sector's procedures live here: the
  // department of the province that carries its province-level procedures, and whether
  // district committees (3-tier trees) carry its commune-level ones instead of the communes.
  // No foreign key to agency.agencies: another module's table; the service checks the id.
  await sql`
    CREATE TABLE catalog.sectors (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      name_folded text GENERATED ALWAYS AS (public.f_fold(name)) STORED,
      department_agency_id uuid,
      carried_by_districts boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid,
      CONSTRAINT sectors_pk PRIMARY KEY (id),
      CONSTRAINT sectors_name_uq UNIQUE (name),
      CONSTRAINT sectors_name_ck CHECK (length(btrim(name)) > 0 AND length(name) <= 300)
    )`.execute(db);

  // A procedure is its code; everything else is dated content in procedure_versions.
  // `source_hash` is the hash of the source row last imported: the same file imported twice
  // finds every row unchanged and writes nothing.
  await sql`
    CREATE TABLE catalog.procedures (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      code text NOT NULL,
      origin text NOT NULL,
      source_hash text,
      source_url text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT procedures_pk PRIMARY KEY (id),
      CONSTRAINT procedures_code_uq UNIQUE (code),
      CONSTRAINT procedures_code_ck CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$'),
      CONSTRAINT procedures_origin_ck CHECK (origin IN ('national', 'local')),
      CONSTRAINT procedures_source_url_ck CHECK (source_url IS NULL OR length(source_url) <= 500)
    )`.execute(db);

  // A version is in force on [valid_from, valid_to). Once in force it is never edited: a
  // dossier keeps the id of the version it was received under. Only valid_to is set later,
  // when a newer version takes over. jsonb columns hold lists checked by the service's schemas;
  // `workflow` NULL means the default workflow.
  await sql`
    CREATE TABLE catalog.procedure_versions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      procedure_id uuid NOT NULL,
      version_no integer NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      name text NOT NULL,
      sector_id uuid NOT NULL,
      levels text[] NOT NULL,
      level_text text,
      online_class text NOT NULL,
      legacy_level smallint,
      submission_modes text[] NOT NULL,
      processing_time double precision,
      time_unit text,
      time_text text,
      fee_vnd bigint NOT NULL DEFAULT 0,
      fee_max_vnd bigint,
      fee_text text,
      papers jsonb NOT NULL,
      papers_text text,
      form_fields jsonb NOT NULL,
      workflow jsonb,
      implementers jsonb NOT NULL,
      steps_text text,
      conditions_text text,
      result_text text,
      legal_basis_text text,
      agency_text text,
      subjects_text text,
      decision_no text,
      change_note text,
      name_folded text GENERATED ALWAYS AS (public.f_fold(name)) STORED,
      search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, public.f_fold(name))
      ) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid,
      CONSTRAINT procedure_versions_pk PRIMARY KEY (id),
      CONSTRAINT procedure_versions_procedure_fk FOREIGN KEY (procedure_id)
        REFERENCES catalog.procedures (id),
      CONSTRAINT procedure_versions_sector_fk FOREIGN KEY (sector_id)
        REFERENCES catalog.sectors (id),
      CONSTRAINT procedure_versions_no_uq UNIQUE (procedure_id, version_no),
      CONSTRAINT procedure_versions_from_uq UNIQUE (procedure_id, valid_from),
      CONSTRAINT procedure_versions_period_ck CHECK (valid_to IS NULL OR valid_to > valid_from),
      CONSTRAINT procedure_versions_name_ck CHECK (length(btrim(name)) > 0 AND length(name) <= 2000),
      CONSTRAINT procedure_versions_levels_ck CHECK (
        levels <@ ARRAY['province', 'district', 'commune']::text[]),
      CONSTRAINT procedure_versions_online_class_ck CHECK (online_class IN ('full', 'partial', 'info')),
      CONSTRAINT procedure_versions_legacy_level_ck CHECK (legacy_level IS NULL OR legacy_level BETWEEN 1 AND 4),
      CONSTRAINT procedure_versions_modes_ck CHECK (
        submission_modes <@ ARRAY['online', 'desk', 'post']::text[]),
      CONSTRAINT procedure_versions_time_ck CHECK (
        (processing_time IS NULL AND time_unit IS NULL)
        OR (processing_time >= 0 AND time_unit IN ('working_day', 'day', 'hour', 'month'))),
      CONSTRAINT procedure_versions_fee_ck CHECK (
        fee_vnd >= 0 AND (fee_max_vnd IS NULL OR fee_max_vnd >= fee_vnd)),
      CONSTRAINT procedure_versions_papers_ck CHECK (jsonb_typeof(papers) = 'array'),
      CONSTRAINT procedure_versions_form_fields_ck CHECK (jsonb_typeof(form_fields) = 'array'),
      CONSTRAINT procedure_versions_workflow_ck CHECK (workflow IS NULL OR jsonb_typeof(workflow) = 'array'),
      CONSTRAINT procedure_versions_implementers_ck CHECK (
        implementers->>'mode' IN ('auto', 'custom', 'external'))
    )`.execute(db);
  // At most one open-ended version per procedure; the service keeps periods contiguous.
  await sql`
    CREATE UNIQUE INDEX procedure_versions_open_uq ON catalog.procedure_versions (procedure_id)
    WHERE valid_to IS NULL`.execute(db);
  await sql`
    CREATE INDEX procedure_versions_search_gin_ix ON catalog.procedure_versions
    USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX procedure_versions_sector_ix ON catalog.procedure_versions (sector_id)`.execute(
    db,
  );
  await sql`
    CREATE INDEX procedure_versions_period_ix ON catalog.procedure_versions (valid_from, valid_to)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
