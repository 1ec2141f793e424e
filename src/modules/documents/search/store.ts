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

/**
 * Who sees a row: an agency's readers once it is issued or registered (its own, or in their
 * incoming register); before that, its participants (drafter, reviewers, signer) only, and once
 * signed the agency's issuing clerks — the rule of the documents part's `visibleDocument`.
 */
function visibility(f: SearchFilter): RawBuilder<unknown> {
  const participant =
    f.issueAgencyIds.length > 0
      ? sql`(s.participant_ids @> ARRAY[${f.userId}]::uuid[] OR (s.state = 'signed' AND s.agency_id = ANY(${uuids(f.issueAgencyIds)})))`
      : sql`s.participant_ids @> ARRAY[${f.userId}]::uuid[]`;
  if (f.agencyIds === 'all') {
    if (f.direction === 'outgoing')
      return sql`s.origin = 'internal' AND (s.is_public OR ${participant})`;
    if (f.direction === 'incoming') return sql`cardinality(s.in_agency_ids) > 0`;
    return sql`(s.is_public OR ${participant})`;
  }
  const ids = uuids(f.agencyIds);
  const own = sql`s.agency_id = ANY(${ids})`;
  const received = sql`s.in_agency_ids && ${ids}`;
  if (f.direction === 'outgoing')
    return sql`s.origin = 'internal' AND ${own} AND (s.is_public OR ${participant})`;
  if (f.direction === 'incoming') return received;
  return sql`((s.is_public AND (${own} OR ${received})) OR (NOT s.is_public AND ${participant} AND ${own}))`;
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

function conditions(f: SearchFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [visibility(f), ...filters(f)];
  if (f.tsquery) parts.push(sql`s.tsv @@ to_tsquery('simple', ${f.tsquery})`);
  return sql.join(parts, sql` AND `);
}

/**
 * `visibility` as disjoint parts that each read one index in date order: the scope's own
 * documents (agency and date), and those it received (holders GIN, ANDed with the date).
 * An OR of both made the planner read the whole period of the province.
 */
function visibleParts(f: SearchFilter): RawBuilder<unknown>[] {
  if (f.agencyIds === 'all') return [visibility(f)];
  const ids = uuids(f.agencyIds);
  const participant =
    f.issueAgencyIds.length > 0
      ? sql`(s.participant_ids @> ARRAY[${f.userId}]::uuid[] OR (s.state = 'signed' AND s.agency_id = ANY(${uuids(f.issueAgencyIds)})))`
      : sql`s.participant_ids @> ARRAY[${f.userId}]::uuid[]`;
  const own = sql`s.agency_id = ANY(${ids}) AND (s.is_public OR ${participant})`;
  if (f.direction === 'outgoing') return [sql`s.origin = 'internal' AND ${own}`];
  const received = sql`s.in_agency_ids && ${ids}`;
  if (f.direction === 'incoming') return [received];
  return [own, sql`${received} AND s.is_public AND NOT (s.agency_id = ANY(${ids}))`];
}

/**
 * Whether the scope holds at most SCOPE_ROW_BUDGET documents — its own and the entries of its
 * incoming registers, counted on their btree indexes (index only) — so that one read of all of
 * it, words matched row by row, is cheap: no periods then.
 */
async function isSmallScope(ex: Exec, f: SearchFilter): Promise<boolean> {
  if (f.agencyIds === 'all') return false;
  const ids = uuids(f.agencyIds);
  const cap = SCOPE_ROW_BUDGET + 1;
  const { rows } = await sql<{ own: number; received: number }>`
    SELECT
      (SELECT count(*)::int FROM (SELECT 1 FROM document.search_index s
        WHERE s.agency_id = ANY(${ids}) LIMIT ${cap}) o) AS own,
      (SELECT count(*)::int FROM (SELECT 1 FROM document.incoming i
        WHERE i.agency_id = ANY(${ids}) AND i.recalled_at IS NULL LIMIT ${cap}) r) AS received`.execute(
    ex,
  );
  const r = rows[0];
  return r !== undefined && r.own + r.received <= SCOPE_ROW_BUDGET;
}

/** The first period read, in days back from the newest document; see `search`. */
export const FIRST_WINDOW_DAYS = 31;
/** Past this, a window reads everything (no lower bound). */
const WHOLE_DAYS = 3660;
/**
 * Rows of the scope a search reads one by one, at most (about 3 µs each): past that, the
 * words are rare in the scope and the text index finds the rest faster.
 */
export const SCOPE_ROW_BUDGET = 20_000;

/**
 * The next period to read, in days, after `days` gave `found` of the `wanted` matches: widened
 * in proportion to what is missing (with a margin), at least doubled, eight times when nothing
 * was found; null when it would reach back ten years (read everything then).
 */
export function nextWindowDays(days: number, found: number, wanted: number): number | null {
  const factor = found === 0 ? 8 : Math.max(2, (wanted / found) * 1.3);
  const next = Math.ceil(days * factor);
  return next >= WHOLE_DAYS ? null : next;
}

type Candidate = { documentId: string; onDate: string; rank: number };

const rankOf = (f: SearchFilter, column: RawBuilder<unknown>) =>
  f.tsquery ? sql`ts_rank(${column}, to_tsquery('simple', ${f.tsquery}), 1)` : sql`0::real`;

const toCandidates = (rows: { documentId: string; onDate: string; rank: number }[]) =>
  rows.map((r): Candidate => ({ ...r, rank: Number(r.rank) }));

/**
 * The newest `MAX_SEARCH_RESULTS + 1` matches older than `before` (all when null), through
 * the text index: for words rare in the scope.
 */
async function indexedMatches(ex: Exec, f: SearchFilter, before: string | null) {
  const bound = before === null ? sql`TRUE` : sql`s.on_date < ${before}::date`;
  const result = await sql<{ documentId: string; onDate: string; rank: number }>`
    WITH hits AS (
      SELECT s.document_id, s.on_date, s.tsv
      FROM document.search_index s
      WHERE ${conditions(f)} AND ${bound}
      ORDER BY s.on_date DESC, s.document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}
    )
    SELECT h.document_id, h.on_date::text AS on_date, ${rankOf(f, sql`h.tsv`)} AS rank
    FROM hits h`.execute(ex);
  return toCandidates(result.rows);
}

/**
 * The scope's rows of one period [since, before) read in date order, the words matched on
 * each (`ts_match_vq`: the function, so that the planner does not turn to the text index,
 * which reads every document holding a common syllable): the newest matches, and how many
 * rows were read.
 */
async function periodMatches(
  ex: Exec,
  f: SearchFilter,
  period: { since: string | null; before: string | null },
) {
  const bounds = [
    ...(period.since === null ? [] : [sql`s.on_date >= ${period.since}::date`]),
    ...(period.before === null ? [] : [sql`s.on_date < ${period.before}::date`]),
  ];
  const branch = (part: RawBuilder<unknown>, columns: RawBuilder<unknown>) =>
    sql`SELECT ${columns} FROM document.search_index s
        WHERE ${sql.join([part, ...filters(f), ...bounds], sql` AND `)}`;
  const union = (columns: RawBuilder<unknown>) =>
    sql.join(
      visibleParts(f).map((p) => branch(p, columns)),
      sql` UNION ALL `,
    );
  const match = f.tsquery ? sql`ts_match_vq(u.tsv, to_tsquery('simple', ${f.tsquery}))` : sql`TRUE`;
  // One pass over the period: each row's match (the text is read once, not carried on), the
  // rows read, the newest matches; their rank read again by key for those only.
  const result = await sql<{
    documentId: string | null;
    onDate: string | null;
    rank: number | null;
    read: number;
  }>`
    WITH x AS MATERIALIZED (
      SELECT u.document_id, u.on_date, ${match} AS hit
      FROM (${union(sql`s.document_id, s.on_date, s.tsv`)}) u
    ), m AS (
      SELECT x.document_id, x.on_date FROM x WHERE x.hit
      ORDER BY x.on_date DESC, x.document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}
    )
    SELECT m.document_id, m.on_date::text AS on_date, ${rankOf(f, sql`r.tsv`)} AS rank,
      (SELECT count(*)::int FROM x) AS read
    FROM (SELECT 1) one
    LEFT JOIN m ON TRUE
    LEFT JOIN document.search_index r ON r.document_id = m.document_id
    ORDER BY m.on_date DESC, m.document_id DESC`.execute(ex);
  const read = result.rows[0]?.read ?? 0;
  const rows = result.rows.filter((r) => r.documentId !== null) as Candidate[];
  return { rows: toCandidates(rows), read };
}

const isoDaysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * One page of hits. The newest MAX_SEARCH_RESULTS matches are ranked among themselves:
 * metadata matches (weight A) above text matches (D), then newer first.
 *
 * Vietnamese words are syllables, and the common ones ("công", "văn", "tỉnh") sit in nearly
 * every document: the text index would read a million entries for them. So the scope's own
 * rows are read newest period first — the FIRST_WINDOW_DAYS days before the newest document,
 * then earlier periods sized on the matches found so far (`nextWindowDays`) — and the words
 * matched on each row. When what is still missing would take more than SCOPE_ROW_BUDGET rows
 * at the rate seen, or the periods reach back ten years, the words are rare in the scope and
 * the text index reads the rest (older than the periods read). The periods are disjoint and
 * newest first, so the answer is that of one read over everything (window.test.ts).
 */
export async function search(ex: Exec, f: SearchFilter) {
  const newest = await sql<{ day: string | null }>`
    SELECT max(on_date)::text AS day FROM document.search_index`.execute(ex);
  let anchor = newest.rows[0]?.day ?? null;
  if (anchor !== null && f.to && f.dateOf === 'issued' && f.to < anchor) anchor = f.to;
  const wanted = MAX_SEARCH_RESULTS + 1;
  const found: Candidate[] = [];
  let read = 0;
  // A small scope is read whole at once; a big one newest period first.
  let days: number | null = (await isSmallScope(ex, f)) ? null : FIRST_WINDOW_DAYS;
  let before: string | null = null;
  for (;;) {
    let since = anchor === null || days === null ? null : isoDaysBefore(anchor, days);
    if (since !== null && f.from && f.dateOf === 'issued' && since <= f.from) since = null;
    if (since === null && before !== null && f.tsquery) {
      found.push(...(await indexedMatches(ex, f, before)));
      break;
    }
    const period = await periodMatches(ex, f, { since, before });
    found.push(...period.rows);
    read += period.read;
    if (since === null || found.length >= wanted) break;
    const missing = wanted - found.length;
    const rare =
      found.length === 0
        ? read >= SCOPE_ROW_BUDGET / 4
        : (missing * read) / found.length > SCOPE_ROW_BUDGET;
    if (f.tsquery && rare) {
      found.push(...(await indexedMatches(ex, f, since)));
      break;
    }
    before = since;
    days = nextWindowDays(days!, found.length, wanted);
  }
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
