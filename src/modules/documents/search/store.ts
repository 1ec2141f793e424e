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

/**
 * One page of hits. The newest MAX_SEARCH_RESULTS matches are read through the indexes
 * (GIN on the tsvector and the holders, btree on the date) and ranked among themselves:
 * metadata matches (weight A) above text matches (D), then newer first.
 */
export async function search(ex: Exec, f: SearchFilter) {
  const rank = f.tsquery
    ? sql`ts_rank(h.tsv, to_tsquery('simple', ${f.tsquery}), 1)`
    : sql`0::real`;
  const result = await sql<{ documentId: string; rank: number; total: number | string }>`
    WITH hits AS (
      SELECT s.document_id, s.on_date, s.tsv
      FROM document.search_index s
      WHERE ${conditions(f)}
      ORDER BY s.on_date DESC, s.document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}
    )
    SELECT h.document_id, ${rank} AS rank, count(*) OVER () AS total
    FROM hits h
    ORDER BY rank DESC, h.on_date DESC, h.document_id DESC
    LIMIT ${f.limit} OFFSET ${f.offset}`.execute(ex);
  let total = Number(result.rows[0]?.total ?? 0);
  if (result.rows.length === 0 && f.offset > 0) {
    // Past the last page: the window count came with no row.
    const counted = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM document.search_index s WHERE ${conditions(f)}
        LIMIT ${MAX_SEARCH_RESULTS + 1}) c`.execute(ex);
    total = Number(counted.rows[0]?.n ?? 0);
  }
  return {
    rows: result.rows
      .filter((_, i) => f.offset + i < MAX_SEARCH_RESULTS)
      .map((r) => ({ documentId: r.documentId, rank: Number(r.rank) })),
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
