import { type Kysely, sql } from 'kysely';

// Frozen: never edit a merged migration; add a new one.
// Written for PostgreSQL 15 (production) and PGlite 18 (embedded): nothing newer than 15.
//
// The search index of documents: one row per document with what a search filters on and who
// may see it, denormalised from documents, recipients, incoming entries and reviews, and a
// tsvector over the folded text (no diacritics, đ → d, lower case): the metadata with
// positions and weight A, the PDF's text stripped of positions (a third of the size; ranked
// below any metadata match, matched all the same). Kept current by statement-level triggers on those tables, so a
// query reads this one table: GIN on the tsvector and the holders, btree on the date; no
// function runs per row at query time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document.search_index (
      document_id uuid NOT NULL,
      agency_id uuid NOT NULL,
      origin text NOT NULL,
      state text NOT NULL,
      is_public boolean NOT NULL,
      type_key text NOT NULL,
      register_id uuid,
      signer_user_id uuid,
      signer_folded text,
      on_date date NOT NULL,
      received_on date,
      in_agency_ids uuid[] NOT NULL DEFAULT '{}',
      in_register_ids uuid[] NOT NULL DEFAULT '{}',
      participant_ids uuid[] NOT NULL DEFAULT '{}',
      recipients_text text NOT NULL DEFAULT '',
      tsv tsvector NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT search_index_pk PRIMARY KEY (document_id),
      CONSTRAINT search_index_document_fk FOREIGN KEY (document_id)
        REFERENCES document.documents (id)
    )`.execute(db);
  await sql`CREATE INDEX search_index_tsv_gin_ix ON document.search_index USING gin (tsv)`.execute(
    db,
  );
  await sql`
    CREATE INDEX search_index_agency_date_ix ON document.search_index
    (agency_id, on_date DESC, document_id DESC)`.execute(db);
  await sql`
    CREATE INDEX search_index_date_ix ON document.search_index (on_date DESC, document_id DESC)`.execute(
    db,
  );
  await sql`
    CREATE INDEX search_index_in_agencies_gin_ix ON document.search_index
    USING gin (in_agency_ids)`.execute(db);
  await sql`
    CREATE INDEX search_index_participants_gin_ix ON document.search_index
    USING gin (participant_ids) WHERE NOT is_public`.execute(db);

  // The words of a text as the index stores them: folded, and the punctuation that would glue
  // words into one token (paths, hyphens, hosts, e-mails, dotted numbers, tags) made a space,
  // so "12/QĐ-STTTT" gives 12, qd, stttt — as the query side splits it. (translate, not a
  // regular expression: a third of the cost.)
  await sql`
    CREATE FUNCTION document.search_words(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $fn$ SELECT translate(public.f_fold($1), '/-._@:<>&;=+,()[]{}"''', '                     ') $fn$`.execute(
    db,
  );

  // Rebuilds the rows of these documents. `p_text`: recompute the tsvector too (the text or
  // the recipients changed); otherwise only the state, dates and holders (cheap).
  // Visible to an agency's readers once issued (or recalled, for the issuer) or registered;
  // before that, to its participants only. Unissued documents are dated by their creation
  // day in Vietnam's time zone (the platform's).
  await sql`
    CREATE FUNCTION document.search_refresh(p_ids uuid[], p_text boolean) RETURNS void
    LANGUAGE sql AS $fn$
      INSERT INTO document.search_index AS s (
        document_id, agency_id, origin, state, is_public, type_key, register_id,
        signer_user_id, signer_folded, on_date, received_on, in_agency_ids, in_register_ids,
        participant_ids, recipients_text, tsv, updated_at)
      SELECT d.id, d.agency_id, d.origin, d.state,
        d.state IN ('issued', 'recalled', 'registered'),
        d.type_key, d.register_id, d.signer_user_id,
        CASE WHEN d.signer_name IS NULL THEN NULL
          ELSE btrim(document.search_words(d.signer_name)) END,
        coalesce(d.issued_on, (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
        i.received_on, i.agency_ids, i.register_ids, p.ids, r.names,
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
        tsv = CASE WHEN p_text THEN EXCLUDED.tsv ELSE s.tsv END,
        updated_at = EXCLUDED.updated_at
    $fn$`.execute(db);

  await sql`
    CREATE FUNCTION document.search_on_document_insert() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM document.search_refresh(ARRAY(SELECT id FROM new_rows), true);
      RETURN NULL;
    END
    $fn$`.execute(db);
  await sql`
    CREATE FUNCTION document.search_on_document_update() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_text uuid[];
      v_rest uuid[];
    BEGIN
      SELECT
        coalesce(array_agg(n.id) FILTER (WHERE changed), '{}'),
        coalesce(array_agg(n.id) FILTER (WHERE NOT changed), '{}')
      INTO v_text, v_rest
      FROM (
        SELECT n.id, (
          n.symbol IS DISTINCT FROM o.symbol OR n.summary IS DISTINCT FROM o.summary OR
          n.issuer_name IS DISTINCT FROM o.issuer_name OR
          n.signer_name IS DISTINCT FROM o.signer_name OR
          n.signer_position IS DISTINCT FROM o.signer_position OR
          n.drafting_unit IS DISTINCT FROM o.drafting_unit OR
          n.search_text IS DISTINCT FROM o.search_text OR n.pdf_text IS DISTINCT FROM o.pdf_text
        ) AS changed
        FROM new_rows n JOIN old_rows o ON o.id = n.id
      ) n;
      IF cardinality(v_text) > 0 THEN PERFORM document.search_refresh(v_text, true); END IF;
      IF cardinality(v_rest) > 0 THEN PERFORM document.search_refresh(v_rest, false); END IF;
      RETURN NULL;
    END
    $fn$`.execute(db);
  // For the tables that hang off a document; TG_ARGV[0]: whether the text changes.
  await sql`
    CREATE FUNCTION document.search_on_child_change() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM document.search_refresh(
        ARRAY(SELECT DISTINCT document_id FROM changed_rows), TG_ARGV[0]::boolean);
      RETURN NULL;
    END
    $fn$`.execute(db);

  await sql`
    CREATE TRIGGER documents_search_insert_tr AFTER INSERT ON document.documents
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION document.search_on_document_insert()`.execute(db);
  await sql`
    CREATE TRIGGER documents_search_update_tr AFTER UPDATE ON document.documents
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION document.search_on_document_update()`.execute(db);
  const children: [table: string, text: boolean][] = [
    ['recipients', true],
    ['incoming', false],
    ['reviews', false],
  ];
  for (const [table, text] of children) {
    const flag = sql.lit(String(text));
    const t = sql.id('document', table);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_search_insert_tr`)} AFTER INSERT ON ${t}
      REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION document.search_on_child_change(${flag})`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_search_update_tr`)} AFTER UPDATE ON ${t}
      REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION document.search_on_child_change(${flag})`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_search_delete_tr`)} AFTER DELETE ON ${t}
      REFERENCING OLD TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION document.search_on_child_change(${flag})`.execute(db);
  }

  // Documents already there (none on a new installation).
  await sql`SELECT document.search_refresh(ARRAY(SELECT id FROM document.documents), true)`.execute(
    db,
  );

  // Saved searches (per user): a name and the query, run again on demand.
  await sql`
    CREATE TABLE document.saved_searches (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL,
      name text NOT NULL,
      query jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      CONSTRAINT saved_searches_pk PRIMARY KEY (id),
      CONSTRAINT saved_searches_user_name_uq UNIQUE (user_id, name),
      CONSTRAINT saved_searches_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 200)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only migrations');
}
