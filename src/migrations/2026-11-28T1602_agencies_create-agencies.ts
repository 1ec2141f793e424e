import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS agency`.execute(db);
  // An agency lives for a period [valid_from, valid_to): a reorganisation ends agencies and
  // starts successors instead of editing them, so figures of past periods keep their owner.
  // `ancestors` is the materialised path (root first, self last): subtree checks are one
  // `ancestors && ARRAY[...]` on a GIN index instead of a recursive query.
  await sql`
    CREATE TABLE agency.agencies (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      parent_id uuid,
      kind text NOT NULL,
      commune_type text,
      district_type text,
      name text NOT NULL,
      short_name text NOT NULL,
      abbreviation text,
      gso_code text,
      electronic_id text,
      valid_from date NOT NULL,
      valid_to date,
      ancestors uuid[] NOT NULL,
      depth integer NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      name_folded text GENERATED ALWAYS AS (
        public.f_fold(name || ' ' || short_name || ' ' || coalesce(abbreviation, ''))
      ) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT agencies_pk PRIMARY KEY (id),
      CONSTRAINT agencies_parent_fk FOREIGN KEY (parent_id) REFERENCES agency.agencies (id),
      CONSTRAINT agencies_kind_ck CHECK (kind IN (
        'province', 'provincial_peoples_committee', 'department', 'district_peoples_committee',
        'commune_peoples_committee', 'party_body', 'public_service_unit', 'enterprise', 'other')),
      CONSTRAINT agencies_root_is_province_ck CHECK ((parent_id IS NULL) = (kind = 'province')),
      CONSTRAINT agencies_commune_type_ck CHECK (commune_type IS NULL OR (
        commune_type IN ('xa', 'phuong', 'thi_tran', 'dac_khu')
        AND kind = 'commune_peoples_committee')),
      CONSTRAINT agencies_district_type_ck CHECK (district_type IS NULL OR (
        district_type IN ('huyen', 'thanh_pho', 'thi_xa', 'quan')
        AND kind = 'district_peoples_committee')),
      CONSTRAINT agencies_name_ck CHECK (length(btrim(name)) > 0 AND length(name) <= 300),
      CONSTRAINT agencies_short_name_ck CHECK (length(btrim(short_name)) > 0 AND length(short_name) <= 150),
      CONSTRAINT agencies_abbreviation_ck CHECK (abbreviation IS NULL OR abbreviation ~ '^[^[:space:]/]{1,20}$'),
      CONSTRAINT agencies_gso_code_ck CHECK (gso_code IS NULL OR gso_code ~ '^[0-9]{2,5}$'),
      CONSTRAINT agencies_electronic_id_ck CHECK (
        electronic_id IS NULL OR electronic_id ~ '^[0-9]{3}[.][0-9]{2}[.][0-9]{2}[.][A-Z][0-9]{2}$'),
      CONSTRAINT agencies_period_ck CHECK (valid_to IS NULL OR valid_to > valid_from),
      CONSTRAINT agencies_ancestors_ck CHECK (
        cardinality(ancestors) = depth + 1 AND ancestors[depth + 1] = id),
      CONSTRAINT agencies_parent_in_path_ck CHECK (
        (parent_id IS NULL AND depth = 0) OR (parent_id IS NOT NULL AND ancestors[depth] = parent_id))
    )`.execute(db);
  await sql`CREATE INDEX agencies_parent_ix ON agency.agencies (parent_id, sort_order)`.execute(db);
  await sql`CREATE INDEX agencies_ancestors_gin_ix ON agency.agencies USING gin (ancestors)`.execute(
    db,
  );
  await sql`
    CREATE INDEX agencies_name_folded_trgm_ix ON agency.agencies
    USING gin (name_folded public.gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX agencies_abbreviation_ix ON agency.agencies (abbreviation)`.execute(db);
  // "Open" = not ended (valid_to IS NULL). An index predicate cannot read the clock, so the
  // database guards open agencies and the service checks overlapping periods of the rest.
  await sql`
    CREATE UNIQUE INDEX agencies_electronic_id_open_uq ON agency.agencies (electronic_id)
    WHERE valid_to IS NULL AND electronic_id IS NOT NULL`.execute(db);
  // GSO codes are reused across reorganisations (a 2025 commune takes an old ward's code),
  // so they are unique among open agencies only.
  await sql`
    CREATE UNIQUE INDEX agencies_gso_code_open_uq ON agency.agencies (gso_code)
    WHERE valid_to IS NULL AND gso_code IS NOT NULL`.execute(db);
  await sql`CREATE INDEX agencies_gso_code_ix ON agency.agencies (gso_code)`.execute(db);

  // Who took over from whom, so figures of a past period can be attributed to today's agencies.
  await sql`
    CREATE TABLE agency.successions (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      predecessor_id uuid NOT NULL,
      successor_id uuid NOT NULL,
      effective_date date NOT NULL,
      kind text NOT NULL,
      share text NOT NULL,
      note text,
      decision text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT successions_pk PRIMARY KEY (id),
      CONSTRAINT successions_predecessor_fk FOREIGN KEY (predecessor_id) REFERENCES agency.agencies (id),
      CONSTRAINT successions_successor_fk FOREIGN KEY (successor_id) REFERENCES agency.agencies (id),
      CONSTRAINT successions_pair_uq UNIQUE (predecessor_id, successor_id),
      CONSTRAINT successions_not_self_ck CHECK (predecessor_id <> successor_id),
      CONSTRAINT successions_kind_ck CHECK (kind IN ('merge', 'split', 'rename', 'transfer', 'reorganise')),
      CONSTRAINT successions_share_ck CHECK (share IN ('full', 'partial')),
      CONSTRAINT successions_note_ck CHECK (note IS NULL OR length(note) <= 2000),
      CONSTRAINT successions_decision_ck CHECK (decision IS NULL OR length(decision) <= 200)
    )`.execute(db);
  await sql`CREATE INDEX successions_successor_ix ON agency.successions (successor_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
