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

function conditions(f: SearchFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [visibility(f)];
  if (f.tsquery) parts.push(sql`s.tsv @@ to_tsquery('simple', ${f.tsquery})`);
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
  return sql.join(parts, sql` AND `);
}

/** The first period read, in days back from the newest document; see `search`. */
export const FIRST_WINDOW_DAYS = 31;
/** Past this, a window reads everything (no lower bound). */
const WHOLE_DAYS = 3660;

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

/** The newest `MAX_SEARCH_RESULTS + 1` matches dated `since` or later (all when null). */
async function candidates(ex: Exec, f: SearchFilter, since: string | null) {
  const rank = f.tsquery
    ? sql`ts_rank(h.tsv, to_tsquery('simple', ${f.tsquery}), 1)`
    : sql`0::real`;
  const window = since === null ? sql`TRUE` : sql`s.on_date >= ${since}::date`;
  const result = await sql<{ documentId: string; onDate: string; rank: number }>`
    WITH hits AS (
      SELECT s.document_id, s.on_date, s.tsv
      FROM document.search_index s
      WHERE ${conditions(f)} AND ${window}
      ORDER BY s.on_date DESC, s.document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}
    )
    SELECT h.document_id, h.on_date::text AS on_date, ${rank} AS rank FROM hits h`.execute(ex);
  return result.rows.map((r): Candidate => ({ ...r, rank: Number(r.rank) }));
}

const isoDaysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * One page of hits. The newest MAX_SEARCH_RESULTS matches are ranked among themselves:
 * metadata matches (weight A) above text matches (D), then newer first.
 *
 * They are read newest period first — the last FIRST_WINDOW_DAYS days before the newest
 * document, widened (`nextWindowDays`) while fewer matches than that were found, finally
 * without a bound — so that a common word in a big scope reads a few thousand recent rows
 * instead of the whole scope, while a rare one still ends in one index read over everything.
 * The answer is the same as one unbounded read: a period holds every match newer than its
 * start.
 */
export async function search(ex: Exec, f: SearchFilter) {
  const newest = await sql<{ day: string | null }>`
    SELECT max(on_date)::text AS day FROM document.search_index`.execute(ex);
  let anchor = newest.rows[0]?.day ?? null;
  if (anchor !== null && f.to && f.dateOf === 'issued' && f.to < anchor) anchor = f.to;
  let days: number | null = FIRST_WINDOW_DAYS;
  let found: Candidate[] = [];
  for (;;) {
    let since = anchor === null || days === null ? null : isoDaysBefore(anchor, days);
    if (since !== null && f.from && f.dateOf === 'issued' && since <= f.from) since = null;
    found = await candidates(ex, f, since);
    if (since === null || found.length > MAX_SEARCH_RESULTS) break;
    days = nextWindowDays(days!, found.length, MAX_SEARCH_RESULTS + 1);
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
