import { type Expression, type SqlBool, sql } from 'kysely';
import type { Level, OnlineClass, TimeUnit } from '../schema.js';
import { type Exec, q } from './tables.js';

/**
 * Which procedures an agency carries, as the SQL twin of carriers.ts `ruleCovers`:
 * - `commune`: a commune committee not under a district committee (two-tier tree);
 * - `commune_under_district`: a commune committee of a 3-tier tree;
 * - `district`: a district committee; `other`: any other agency (a department…).
 */
export type AgencyFilter = {
  agencyId: string;
  as: 'commune' | 'commune_under_district' | 'district' | 'other';
};

export type SearchFilter = {
  day: string;
  /** Folded words ([a-z0-9]+): every one must occur, the last as a prefix. */
  words: string[];
  /** The start of a code, when the text looks like one. */
  codePrefix?: string;
  sectorId?: string;
  level?: Level;
  onlineClass?: OnlineClass;
  agency?: AgencyFilter;
  limit: number;
  offset: number;
};

export type SearchRow = {
  id: string;
  versionId: string;
  code: string;
  name: string;
  sectorId: string;
  sectorName: string;
  levels: Level[];
  onlineClass: OnlineClass;
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  feeVnd: number;
  external: boolean;
};

const targetKind = (kind: string) =>
  sql<SqlBool>`v.implementers @> ${JSON.stringify({ mode: 'custom', targets: [{ kind }] })}::jsonb`;

/** The district mode of a procedure: its override, else its sector's rule. */
const districtMode = sql<string>`coalesce(o.mode, CASE WHEN s.carried_by_districts THEN 'district' ELSE 'commune' END)`;
const auto = sql<SqlBool>`v.implementers->>'mode' = 'auto'`;
const hasLevel = (level: Level) => sql<SqlBool>`${level} = ANY(v.levels)`;

function carriedBy(f: AgencyFilter): Expression<SqlBool> {
  const named = sql<SqlBool>`v.implementers @> ${JSON.stringify({
    mode: 'custom',
    targets: [{ kind: 'agency', agencyId: f.agencyId }],
  })}::jsonb`;
  let byKind: Expression<SqlBool>;
  switch (f.as) {
    case 'commune':
      byKind = sql<SqlBool>`(${targetKind('commune_peoples_committee')} OR (${auto} AND ${hasLevel('commune')}))`;
      break;
    case 'commune_under_district':
      byKind = sql<SqlBool>`(${targetKind('commune_peoples_committee')} OR (${auto} AND ${hasLevel('commune')} AND ${districtMode} IN ('commune', 'both')))`;
      break;
    case 'district':
      byKind = sql<SqlBool>`(${targetKind('district_peoples_committee')} OR (${auto} AND (${hasLevel('district')} OR (${hasLevel('commune')} AND ${districtMode} IN ('district', 'both')))))`;
      break;
    case 'other':
      byKind = sql<SqlBool>`(${auto} AND ${hasLevel('province')} AND s.department_agency_id = ${f.agencyId})`;
      break;
  }
  return sql<SqlBool>`(${named} OR ${byKind})`;
}

/**
 * Procedures in force on `day`. Words use the GIN index on the tsvector of the folded name
 * (every word must occur, the last as a prefix). Ranking: the whole phrase first, then names
 * starting with it (after "Thủ tục"), then shorter names, then code. Without words: by
 * folded name.
 */
export async function searchProcedures(
  exec: Exec,
  f: SearchFilter,
): Promise<{ rows: SearchRow[]; total: number }> {
  let query = q(exec)
    .selectFrom('catalog.procedureVersions as v')
    .innerJoin('catalog.procedures as p', 'p.id', 'v.procedureId')
    .innerJoin('catalog.sectors as s', 's.id', 'v.sectorId')
    .leftJoin('catalog.districtOverrides as o', 'o.procedureId', 'v.procedureId')
    .where('v.validFrom', '<=', f.day)
    .where((eb) => eb.or([eb('v.validTo', 'is', null), eb('v.validTo', '>', f.day)]));
  const phrase = f.words.join(' ');
  const tsquery = f.words.map((w, i) => (i === f.words.length - 1 ? `${w}:*` : w)).join(' & ');
  if (f.codePrefix && f.words.length > 0) {
    query = query.where(
      sql<SqlBool>`(p.code LIKE ${`${f.codePrefix}%`} OR v.search_vector @@ to_tsquery('simple', ${tsquery}))`,
    );
  } else if (f.codePrefix) {
    query = query.where(sql<SqlBool>`p.code LIKE ${`${f.codePrefix}%`}`);
  } else if (f.words.length > 0) {
    query = query.where(sql<SqlBool>`v.search_vector @@ to_tsquery('simple', ${tsquery})`);
  }
  if (f.sectorId) query = query.where('v.sectorId', '=', f.sectorId);
  if (f.level) query = query.where(hasLevel(f.level));
  if (f.onlineClass) query = query.where('v.onlineClass', '=', f.onlineClass);
  if (f.agency) query = query.where(carriedBy(f.agency));

  let ordered = query.select([
    'p.id',
    'v.id as versionId',
    'p.code',
    'v.name',
    'v.sectorId',
    's.name as sectorName',
    'v.levels',
    'v.onlineClass',
    'v.processingTime',
    'v.timeUnit',
    'v.feeVnd',
    sql<boolean>`v.implementers->>'mode' = 'external'`.as('external'),
    sql<number>`count(*) OVER ()`.as('total'),
  ]);
  if (f.codePrefix) ordered = ordered.orderBy(sql`p.code LIKE ${`${f.codePrefix}%`}`, 'desc');
  if (phrase) {
    ordered = ordered
      .orderBy(sql`v.name_folded LIKE ${`%${phrase}%`}`, 'desc')
      .orderBy(
        sql`(v.name_folded LIKE ${`${phrase}%`} OR v.name_folded LIKE ${`thu tuc ${phrase}%`})`,
        'desc',
      )
      .orderBy(sql`length(v.name)`);
  } else if (!f.codePrefix) {
    ordered = ordered.orderBy('v.nameFolded');
  }
  const rows = await ordered.orderBy('p.code').limit(f.limit).offset(f.offset).execute();
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && f.offset > 0) {
    const count = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    total = Number(count.n);
  }
  return {
    total,
    rows: rows.map(({ total: _t, ...r }) => ({
      ...r,
      processingTime: r.processingTime === null ? null : Number(r.processingTime),
    })),
  };
}

/** Every word of the names in the catalogue, with the number of versions it occurs in. */
export async function nameVocabulary(exec: Exec): Promise<Map<string, number>> {
  const { rows } = await sql<{ word: string; ndoc: number }>`
    SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM catalog.procedure_versions')`.execute(
    exec,
  );
  return new Map(rows.map((r) => [r.word, Number(r.ndoc)]));
}
