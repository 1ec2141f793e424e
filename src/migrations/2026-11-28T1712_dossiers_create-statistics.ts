import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// The one-stop report pre-aggregated: per local day (and per month) and per
// (receiving agency, procedure, sector, channel), how many dossiers were received, settled
// early / on time / late, refused, withdrawn, cancelled, returned, fell due, closed after
// falling due, and were rated. The dossier service keeps these in the same transaction as
// every change (the difference of a dossier's facts before and after), so they stay exact.
const metrics = `
  received integer NOT NULL DEFAULT 0,
  settled_early integer NOT NULL DEFAULT 0,
  settled_on_time integer NOT NULL DEFAULT 0,
  settled_late integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  withdrawn integer NOT NULL DEFAULT 0,
  cancelled integer NOT NULL DEFAULT 0,
  returned integer NOT NULL DEFAULT 0,
  due integer NOT NULL DEFAULT 0,
  due_closed integer NOT NULL DEFAULT 0,
  rated_very_satisfied integer NOT NULL DEFAULT 0,
  rated_satisfied integer NOT NULL DEFAULT 0,
  rated_not_satisfied integer NOT NULL DEFAULT 0`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, period] of [
    ['stat_days', 'day'],
    ['stat_months', 'month'],
  ] as const) {
    await sql
      .raw(
        `CREATE TABLE dossier.${table} (
          ${period} date NOT NULL,
          agency_id uuid NOT NULL,
          procedure_id uuid NOT NULL,
          sector_id uuid NOT NULL,
          channel text NOT NULL,
          ${metrics},
          CONSTRAINT ${table}_pk PRIMARY KEY (${period}, agency_id, procedure_id, sector_id, channel),
          CONSTRAINT ${table}_channel_ck CHECK (channel IN ('online', 'desk', 'post'))
        )`,
      )
      .execute(db);
    await sql
      .raw(`CREATE INDEX ${table}_agency_ix ON dossier.${table} (agency_id, ${period})`)
      .execute(db);
  }
  await sql`
    ALTER TABLE dossier.stat_months ADD CONSTRAINT stat_months_first_day_ck
    CHECK (EXTRACT(DAY FROM month) = 1)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
