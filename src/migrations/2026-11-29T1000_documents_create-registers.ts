import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS document`.execute(db);

  // Registers (sổ đăng ký văn bản) of an agency and calendar year. Each row is also its own
  // number counter: issuing locks it with UPDATE … RETURNING, so numbers are gap-free under
  // concurrency and a rolled-back issuance gives its number back. A series (`default`, or one
  // the clerk separates, e.g. decisions) takes the document types listed in `type_keys`.
  await sql`
    CREATE TABLE document.registers (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL,
      kind text NOT NULL,
      year integer NOT NULL,
      series text NOT NULL,
      name text NOT NULL,
      type_keys text[] NOT NULL DEFAULT '{}',
      last_number integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT registers_pk PRIMARY KEY (id),
      CONSTRAINT registers_agency_kind_year_series_uq UNIQUE (agency_id, kind, year, series),
      CONSTRAINT registers_kind_ck CHECK (kind IN ('outgoing', 'incoming')),
      CONSTRAINT registers_year_ck CHECK (year BETWEEN 2000 AND 2100),
      CONSTRAINT registers_series_ck CHECK (series ~ '^[a-z0-9-]{1,40}$'),
      CONSTRAINT registers_last_number_ck CHECK (last_number >= 0),
      CONSTRAINT registers_default_types_ck CHECK (series <> 'default' OR type_keys = '{}')
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
