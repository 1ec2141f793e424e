import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
//
// The agencies that read a public document (its own, and those that hold it in their
// incoming registers, lead units included) in one array, indexed with the text in a single
// GIN index (readers, text). A search in a big agency's scope for words neither rare nor
// common ("giấy mời họp", "cải cách hành chính": a few in a hundred documents) then
// intersects the agency's entries with the words' inside the index, skipping through both,
// instead of ANDing two bitmaps of tens of thousands of rows each. The same index answers a
// province-wide text search (a condition on its second column only), so it replaces the text
// index. Not public (drafts): no readers; participants see those (participants index, and a
// partial index of the unissued by agency). With them: the text kept in the row, and an index
// (type, date) for a search with a type, which reads that type's documents newest first.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE document.search_index
    ADD COLUMN reader_agency_ids uuid[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION document.search_refresh(p_ids uuid[], p_text boolean) RETURNS void
    LANGUAGE sql AS $fn$
      INSERT INTO document.search_index AS s (
        document_id, agency_id, origin, state, is_public, type_key, register_id,
        signer_user_id, signer_folded, on_date, received_on, in_agency_ids, in_register_ids,
        participant_ids, recipients_text, reader_agency_ids, tsv, updated_at)
      SELECT d.id, d.agency_id, d.origin, d.state,
        d.state IN ('issued', 'recalled', 'registered'),
        d.type_key, d.register_id, d.signer_user_id,
        CASE WHEN d.signer_name IS NULL THEN NULL
          ELSE btrim(document.search_words(d.signer_name)) END,
        coalesce(d.issued_on, (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
        i.received_on, i.agency_ids, i.register_ids, p.ids, r.names,
        CASE WHEN d.state IN ('issued', 'recalled', 'registered') THEN ARRAY(
          SELECT DISTINCT a FROM unnest(d.agency_id || i.agency_ids) a ORDER BY a)
          ELSE '{}'::uuid[] END,
        CASE WHEN p_text OR NOT EXISTS (
            SELECT 1 FROM document.search_index x WHERE x.document_id = d.id)
          THEN
            setweight(to_tsvector('simple', document.search_words(concat_ws(' ',
              d.symbol, d.summary, d.issuer_name, d.signer_name, d.signer_position,
              d.drafting_unit, r.names))), 'A')
            || strip(to_tsvector('simple', document.search_words(
              left(coalesce(nullif(d.search_text, ''), d.pdf_text), 300000))))
          ELSE ''::tsvector END,
        now()
      FROM document.documents d
      CROSS JOIN LATERAL (
        SELECT min(e.received_on) AS received_on,
          coalesce(array_agg(DISTINCT e.register_id), '{}') AS register_ids,
          coalesce((
            SELECT array_agg(DISTINCT a) FROM document.incoming f,
              unnest(ARRAY[f.agency_id, f.lead_agency_id]) AS a
            WHERE f.document_id = d.id AND f.recalled_at IS NULL AND a IS NOT NULL
          ), '{}') AS agency_ids
        FROM document.incoming e
        WHERE e.document_id = d.id AND e.recalled_at IS NULL
      ) i
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(DISTINCT u) FILTER (WHERE u IS NOT NULL), '{}') AS ids
        FROM (
          SELECT d.drafter_user_id AS u UNION ALL SELECT d.created_by UNION ALL
          SELECT d.signer_user_id UNION ALL
          SELECT v.reviewer_user_id FROM document.reviews v WHERE v.document_id = d.id
        ) pp
      ) p
      CROSS JOIN LATERAL (
        SELECT coalesce(string_agg(c.name, '; ' ORDER BY c.ordinal), '') AS names
        FROM document.recipients c WHERE c.document_id = d.id
      ) r
      WHERE d.id = ANY (p_ids)
      ON CONFLICT (document_id) DO UPDATE SET
        agency_id = EXCLUDED.agency_id, origin = EXCLUDED.origin, state = EXCLUDED.state,
        is_public = EXCLUDED.is_public, type_key = EXCLUDED.type_key,
        register_id = EXCLUDED.register_id, signer_user_id = EXCLUDED.signer_user_id,
        signer_folded = EXCLUDED.signer_folded, on_date = EXCLUDED.on_date,
        received_on = EXCLUDED.received_on, in_agency_ids = EXCLUDED.in_agency_ids,
        in_register_ids = EXCLUDED.in_register_ids, participant_ids = EXCLUDED.participant_ids,
        recipients_text = EXCLUDED.recipients_text,
        reader_agency_ids = EXCLUDED.reader_agency_ids,
        tsv = CASE WHEN p_text THEN EXCLUDED.tsv ELSE s.tsv END,
        updated_at = EXCLUDED.updated_at
    $fn$`.execute(db);
  // A row's text stays in the row up to a page (not moved to the TOAST table past 2 kB, the
  // default): a search reads the words of thousands of rows, and each TOAST fetch costs three
  // more page reads. The backfill rewrites every row, so the text comes back in too.
  await sql`ALTER TABLE document.search_index SET (toast_tuple_target = 8160)`.execute(db);
  await sql`
    UPDATE document.search_index SET
      reader_agency_ids = CASE WHEN is_public THEN ARRAY(
        SELECT DISTINCT a FROM unnest(agency_id || in_agency_ids) a ORDER BY a) ELSE '{}' END,
      tsv = tsv || ''::tsvector`.execute(db);
  await sql`
    CREATE INDEX search_index_readers_tsv_gin_ix ON document.search_index
    USING gin (reader_agency_ids, tsv)`.execute(db);
  await sql`DROP INDEX document.search_index_tsv_gin_ix`.execute(db);
  // The documents not yet public (drafts, and signed ones awaiting issuance) by agency: few,
  // so that a search's drafts part never reads the agency's whole history or the text index.
  await sql`
    CREATE INDEX search_index_unpublished_ix ON document.search_index
    (agency_id, on_date DESC, document_id DESC) WHERE NOT is_public`.execute(db);
  // A search with words and a type reads that type's documents newest first.
  await sql`
    CREATE INDEX search_index_type_date_ix ON document.search_index
    (type_key, on_date DESC, document_id DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
