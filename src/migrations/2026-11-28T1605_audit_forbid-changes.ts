import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// The log is append-only in the database itself: changing or removing an event needs the
// table owner to disable these triggers first — and the hash chain still shows what was done.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'audit.events is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
    $fn$`.execute(db);
  await sql`
    CREATE TRIGGER events_append_only_tr BEFORE UPDATE OR DELETE ON audit.events
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()`.execute(db);
  await sql`
    CREATE TRIGGER events_no_truncate_tr BEFORE TRUNCATE ON audit.events
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
