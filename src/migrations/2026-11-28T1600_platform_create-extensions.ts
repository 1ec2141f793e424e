import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is STABLE; an IMMUTABLE wrapper with a fixed dictionary can back indexes.
  await sql`
    CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $fn$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $fn$
  `.execute(db);
  // Folded form used for Vietnamese search: no diacritics, đ → d, lower case.
  await sql`
    CREATE OR REPLACE FUNCTION public.f_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $fn$ SELECT lower(public.f_unaccent(replace(replace($1, 'Đ', 'D'), 'đ', 'd'))) $fn$
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
