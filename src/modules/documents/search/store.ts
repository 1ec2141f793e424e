import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import { MAX_SEARCH_RESULTS } from './schema.js';

export type Exec = Kysely<unknown> | Transaction<unknown>;

/** The columns of the documents part's tables a hit shows (read only). */
type Tables = {
  'document.documents': {
    id: string;
    origin: 'internal' | 'external';
    state: string;
    agencyId: string;
    typeKey: string;
    number: number | null;
    symbol: string | null;
    summary: string;
    issuerName: string;
    signerName: string | null;
    issuedOn: string | null;
    urgency: string;
  };
  'document.incoming': {
    id: string;
    documentId: string;
    agencyId: string;
    receivedOn: string;
    receivedAt: Date;
    recalledAt: Date | null;
  };
};
const q = (ex: Exec): Executor<Tables> => narrow<Tables>(ex);

export type SearchFilter = {
  /** The agencies whose documents the reader sees; 'all' for a province-wide reader. */
  agencyIds: readonly string[] | 'all';
  userId: string;
  /** Agencies where the reader issues: a signed, not yet issued document is theirs too. */
  issueAgencyIds: readonly string[];
  tsquery: string | null;
  direction?: 'outgoing' | 'incoming' | undefined;
  typeKey?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  dateOf: 'issued' | 'received';
  signerKey?: string | undefined;
  signerUserId?: string | undefined;
  registerId?: string | undefined;
  limit: number;
  offset: number;
};

const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;

const participantOf = (f: SearchFilter) =>
  f.issueAgencyIds.length > 0
    ? sql`(s.participant_ids @> ARRAY[${f.userId}]::uuid[] OR (s.state = 'signed' AND s.agency_id = ANY(${uuids(f.issueAgencyIds)})))`
    : sql`s.participant_ids @> ARRAY[${f.userId}]::uuid[]`;

/**
 * Who sees a row, for a province-wide reader: every issued or registered document; before
 * that, its participants (drafter, reviewers, signer) only, and once signed the agency's
 * issuing clerks — the rule of the documents part's `visibleDocument`. An agency scope:
 * `readerParts`.
 */
function provinceVisibility(f: SearchFilter): RawBuilder<unknown> {
  const participant = participantOf(f);
  if (f.direction === 'outgoing')
    return sql`s.origin = 'internal' AND (s.is_public OR ${participant})`;
  if (f.direction === 'incoming') return sql`cardinality(s.in_agency_ids) > 0`;
  return sql`(s.is_public OR ${participant})`;
}

/**
 * What an agency scope sees, as disjoint parts for the text index: what it reads (issued or
 * registered: its own, and what it received, `reader_agency_ids`), found with the words in
 * the one index (readers, text); and its drafts, by participant (and, once signed, by its
 * issuing clerks).
 */
function readerParts(f: SearchFilter, agencyIds: readonly string[]): RawBuilder<unknown>[] {
  const ids = uuids(agencyIds);
  const own = sql`s.agency_id = ANY(${ids})`;
  const reads = sql`s.reader_agency_ids && ${ids}`;
  const drafts = sql`NOT s.is_public AND ${participantOf(f)} AND ${own}`;
  if (f.direction === 'outgoing')
    return [
      sql`s.origin = 'internal' AND ${own} AND ${reads}`,
      sql`s.origin = 'internal' AND ${drafts}`,
    ];
  // What an agency received is public (issued or registered), so among what it reads.
  if (f.direction === 'incoming') return [sql`${reads} AND s.in_agency_ids && ${ids}`];
  return [reads, drafts];
}

/** The filters other than visibility and text. */
function filters(f: SearchFilter): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (f.typeKey) parts.push(sql`s.type_key = ${f.typeKey}`);
  const day = f.dateOf === 'received' ? sql`s.received_on` : sql`s.on_date`;
  if (f.from) parts.push(sql`${day} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${day} <= ${f.to}::date`);
  if (f.signerKey) parts.push(sql`s.signer_folded = ${f.signerKey}`);
  if (f.signerUserId) parts.push(sql`s.signer_user_id = ${f.signerUserId}::uuid`);
  if (f.registerId) {
    parts.push(
      sql`(s.register_id = ${f.registerId}::uuid OR s.in_register_ids @> ARRAY[${f.registerId}]::uuid[])`,
    );
  }
  return parts;
}

/**
 * How a search reads: the province's documents newest first (`newestFirst`), each checked
 * for the scope, the filters and the words (about 2.5 µs a document); or the text index, which
 * finds the scope and the words together (index (readers, text)), then reads each hit (about
 * 3 µs): whichever the first step says is cheaper.
 */
export type SearchTuning = {
  /** Documents of the province read newest first in the first step. */
  firstRows: number;
  /** Cost of reading a document newest first, and of a hit of the text index (µs). */
  rowCost: number;
  hitCost: number;
};

export const DEFAULT_TUNING: SearchTuning = { firstRows: 3_000, rowCost: 2.5, hitCost: 3 };

type Candidate = { documentId: string; onDate: string; rank: number };

const rankOf = (f: SearchFilter, column: RawBuilder<unknown>) =>
  f.tsquery ? sql`ts_rank(${column}, to_tsquery('simple', ${f.tsquery}), 1)` : sql`0::real`;

const toCandidates = (rows: { documentId: string; onDate: string; rank: number }[]) =>
  rows.map((r): Candidate => ({ ...r, rank: Number(r.rank) }));

/** A place in the order of search (date, then id, both descending): rows after it are older. */
type Keyset = { day: string; id: string };

const olderThan = (k: Keyset) => sql`(s.on_date, s.document_id) < (${k.day}::date, ${k.id}::uuid)`;

/**
 * The newest `MAX_SEARCH_RESULTS + 1` matches after `after` (all when null), through the text
 * index: for words that are not common in the scope. An agency scope is read in its disjoint
 * parts (`readerParts`), so that the part of what it reads finds the scope and the words
 * together in the index (readers, text), with nothing more to check on the row.
 */
async function indexedMatches(ex: Exec, f: SearchFilter, after: Keyset | null) {
  const bound = after === null ? [] : [olderThan(after)];
  const words = f.tsquery ? [sql`s.tsv @@ to_tsquery('simple', ${f.tsquery})`] : [];
  const parts = f.agencyIds === 'all' ? [provinceVisibility(f)] : readerParts(f, f.agencyIds);
  const newest = (part: RawBuilder<unknown>) => sql`(
    SELECT s.document_id, s.on_date FROM document.search_index s
    WHERE ${sql.join([part, ...filters(f), ...words, ...bound], sql` AND `)}
    ORDER BY s.on_date DESC, s.document_id DESC
    LIMIT ${MAX_SEARCH_RESULTS + 1})`;
  const result = await sql<{ documentId: string; onDate: string; rank: number }>`
    WITH hits AS (
      SELECT h.document_id, h.on_date FROM (${sql.join(parts.map(newest), sql` UNION ALL `)}) h
      ORDER BY h.on_date DESC, h.document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}
    )
    SELECT h.document_id, h.on_date::text AS on_date, ${rankOf(f, sql`r.tsv`)} AS rank
    FROM hits h JOIN document.search_index r ON r.document_id = h.document_id`.execute(ex);
  return toCandidates(result.rows);
}

/**
 * The next `rows` documents of the province after `after`, newest first (the date index, in
 * order: no plan to choose), each checked for the scope, the filters and the words: the
 * newest matches, how many documents were read, and the last one (null when none is left).
 */
async function nextRows(
  ex: Exec,
  f: SearchFilter,
  at: { after: Keyset | null; until: string | null; rows: number },
) {
  const scope =
    f.agencyIds === 'all'
      ? provinceVisibility(f)
      : sql`(${sql.join(readerParts(f, f.agencyIds), sql` OR `)})`;
  // What cannot match is left out of the reading: before the period asked (by issue date), of
  // another type (read on the index (type, date) then).
  const bounds = [
    ...(at.after === null ? [] : [olderThan(at.after)]),
    ...(at.until === null ? [] : [sql`s.on_date <= ${at.until}::date`]),
    ...(f.from && f.dateOf === 'issued' ? [sql`s.on_date >= ${f.from}::date`] : []),
    ...(f.typeKey ? [sql`s.type_key = ${f.typeKey}`] : []),
  ];
  // The words are matched last (an AND stops at its first false): on the scope's rows only.
  // Whether the scope's row has the words, filters aside: what the text index would turn up.
  const words = f.tsquery ? sql`ts_match_vq(s.tsv, to_tsquery('simple', ${f.tsquery}))` : sql`TRUE`;
  const worded = sql`${scope} AND ${words}`;
  const result = await sql<{
    documentId: string | null;
    onDate: string | null;
    rank: number | null;
    read: number;
    worded: number;
    lastDay: string | null;
    lastId: string | null;
  }>`
    WITH c AS MATERIALIZED (
      SELECT s.document_id, s.on_date, ${sql.join([sql`x.worded`, ...filters(f)], sql` AND `)} AS hit,
        x.worded
      FROM document.search_index s
      CROSS JOIN LATERAL (SELECT ${worded} AS worded) x
      ${bounds.length > 0 ? sql`WHERE ${sql.join(bounds, sql` AND `)}` : sql``}
      ORDER BY s.on_date DESC, s.document_id DESC
      LIMIT ${at.rows}
    ), m AS (
      SELECT c.document_id, c.on_date FROM c WHERE c.hit
      ORDER BY c.on_date DESC, c.document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}
    ), last AS (
      SELECT c.on_date, c.document_id FROM c ORDER BY c.on_date, c.document_id LIMIT 1
    )
    SELECT m.document_id, m.on_date::text AS on_date, ${rankOf(f, sql`r.tsv`)} AS rank,
      (SELECT count(*)::int FROM c) AS read,
      (SELECT count(*)::int FROM c WHERE c.worded) AS worded,
      (SELECT last.on_date::text FROM last) AS last_day,
      (SELECT last.document_id FROM last) AS last_id
    FROM (SELECT 1) one
    LEFT JOIN m ON TRUE
    LEFT JOIN document.search_index r ON r.document_id = m.document_id
    ORDER BY m.on_date DESC, m.document_id DESC`.execute(ex);
  const first = result.rows[0];
  const read = first?.read ?? 0;
  const last =
    read < at.rows || !first?.lastDay || !first.lastId
      ? null
      : { day: first.lastDay, id: first.lastId };
  const rows = result.rows.filter((r) => r.documentId !== null) as Candidate[];
  return { rows: toCandidates(rows), read, worded: first?.worded ?? 0, last };
}

/**
 * The newest matches of words in a scope: the province's documents newest first, `firstRows`
 * of them; then, at the rates seen, either as many more as are still needed, or the text index
 * for the rest — the hits it would turn up (the scope's documents with the words, before the
 * other filters) against the documents still to read. A small scope, or words rare in it, go
 * to the index at once; words in most of the scope's documents are found in the first steps.
 * The steps are disjoint and in order, so the answer is that of one read over everything
 * (window.test.ts).
 */
async function newestFirst(
  ex: Exec,
  f: SearchFilter,
  at: { until: string | null; documents: number },
  t: SearchTuning,
) {
  const wanted = MAX_SEARCH_RESULTS + 1;
  const found: Candidate[] = [];
  let after: Keyset | null = null;
  let rows = t.firstRows;
  let read = 0;
  let worded = 0;
  for (;;) {
    const step = await nextRows(ex, f, { after, until: at.until, rows });
    found.push(...step.rows);
    read += step.read;
    worded += step.worded;
    if (found.length >= wanted || step.last === null) return found;
    const needed = found.length === 0 ? Infinity : ((wanted - found.length) * read) / found.length;
    const hits = (worded / read) * Math.max(0, at.documents - read);
    if (hits * t.hitCost < needed * t.rowCost) {
      found.push(...(await indexedMatches(ex, f, step.last)));
      return found;
    }
    after = step.last;
    // What is still needed, with a margin; at least twice the last step, eight times on none.
    rows = found.length === 0 ? rows * 8 : Math.max(rows * 2, Math.ceil(needed * 1.2));
  }
}

/**
 * One page of hits. The newest MAX_SEARCH_RESULTS matches are ranked among themselves:
 * metadata matches (weight A) above text matches (D), then newer first.
 *
 * Vietnamese words are syllables, and the common ones ("công", "văn", "tỉnh") sit in nearly
 * every document: the text index alone would read a million entries for them. So a search
 * reads the newest documents first, as long as the words are common enough in the scope to
 * be found soon, and otherwise asks the index for the scope and the words together
 * (`newestFirst`).
 */
export async function search(ex: Exec, f: SearchFilter, tuning: SearchTuning = DEFAULT_TUNING) {
  const { rows } = await sql<{ documents: number }>`
    SELECT greatest(reltuples, 0)::float8 AS documents FROM pg_class
    WHERE oid = 'document.search_index'::regclass`.execute(ex);
  const until = f.to && f.dateOf === 'issued' ? f.to : null;
  const documents = Number(rows[0]?.documents ?? 0);
  const found = await newestFirst(ex, f, { until, documents }, tuning);
  const total = found.length;
  const ranked = found
    .slice(0, MAX_SEARCH_RESULTS)
    .sort(
      (a, b) =>
        b.rank - a.rank ||
        (a.onDate < b.onDate ? 1 : a.onDate > b.onDate ? -1 : 0) ||
        (a.documentId < b.documentId ? 1 : a.documentId > b.documentId ? -1 : 0),
    );
  return {
    rows: ranked
      .slice(f.offset, f.offset + f.limit)
      .map((r) => ({ documentId: r.documentId, rank: r.rank })),
    total: Math.min(total, MAX_SEARCH_RESULTS),
    isTotalCapped: total > MAX_SEARCH_RESULTS,
  };
}

/** What a hit shows, for these documents. */
export async function hitDetails(ex: Exec, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q(ex)
    .selectFrom('document.documents as d')
    .select([
      'd.id',
      'd.origin',
      'd.state',
      'd.agencyId',
      'd.typeKey',
      'd.number',
      'd.symbol',
      'd.summary',
      'd.issuerName',
      'd.signerName',
      'd.issuedOn',
      'd.urgency',
      sql<string>`left(d.pdf_text, 20000)`.as('text'),
    ])
    .where('d.id', 'in', ids)
    .execute();
}

/** The incoming entries of these documents in these agencies (not recalled). */
export async function incomingEntries(
  ex: Exec,
  ids: readonly string[],
  agencyIds: readonly string[] | 'all',
) {
  if (ids.length === 0 || (agencyIds !== 'all' && agencyIds.length === 0)) return [];
  let query = q(ex)
    .selectFrom('document.incoming')
    .select(['id', 'documentId', 'agencyId', 'receivedOn'])
    .where('documentId', 'in', ids)
    .where('recalledAt', 'is', null);
  if (agencyIds !== 'all') query = query.where('agencyId', 'in', agencyIds);
  return query.orderBy('receivedAt').execute();
}
