import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS calendar`.execute(db);
  // The days that break the Monday–Friday week. One installation serves one province,
  // so the date alone is the key. A make-up working day is the only kind not off.
  await sql`
    CREATE TABLE calendar.special_days (
      "date" date NOT NULL,
      kind text NOT NULL,
      name text NOT NULL,
      is_day_off boolean NOT NULL,
      status text NOT NULL,
      source text,
      note text,
      updated_at timestamptz NOT NULL,
      updated_by uuid,
      CONSTRAINT special_days_pk PRIMARY KEY ("date"),
      CONSTRAINT special_days_kind_ck CHECK (
        kind IN ('holiday', 'tet_break', 'compensatory', 'swapped_day_off', 'makeup_workday')),
      CONSTRAINT special_days_day_off_ck CHECK (is_day_off = (kind <> 'makeup_workday')),
      CONSTRAINT special_days_makeup_weekend_ck CHECK (
        kind <> 'makeup_workday' OR EXTRACT(ISODOW FROM "date") IN (6, 7)),
      CONSTRAINT special_days_status_ck CHECK (
        status IN ('official_verified', 'official_unverified', 'computed_from_rules', 'set_by_admin')),
      CONSTRAINT special_days_name_ck CHECK (length(name) BETWEEN 1 AND 200),
      CONSTRAINT special_days_year_ck CHECK ("date" BETWEEN DATE '2000-01-01' AND DATE '2100-12-31')
    )`.execute(db);
  // The years the bundled holiday file has been loaded for. The seed never loads a year
  // twice, so a day the admin deleted is not brought back at the next start-up.
  await sql`
    CREATE TABLE calendar.seeded_years (
      year smallint NOT NULL,
      source text NOT NULL,
      seeded_at timestamptz NOT NULL,
      CONSTRAINT seeded_years_pk PRIMARY KEY (year)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
