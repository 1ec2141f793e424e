import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Per-procedure exception to the district rule of its sector (trees with district committees):
// 'commune' = the communes carry it, 'district' = the district committees instead,
// 'both' = either. Settings of the installation, not content of a version.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE catalog.district_overrides (
      procedure_id uuid NOT NULL,
      mode text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid,
      CONSTRAINT district_overrides_pk PRIMARY KEY (procedure_id),
      CONSTRAINT district_overrides_procedure_fk FOREIGN KEY (procedure_id)
        REFERENCES catalog.procedures (id),
      CONSTRAINT district_overrides_mode_ck CHECK (mode IN ('commune', 'district', 'both'))
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
