import { type RawBuilder, sql, type Transaction } from 'kysely';
import { decisionTypeKeys } from '../../catalogue.js';

/** The rows gen:documents writes: batched INSERT shapes and the registers it numbers in. */

export type Col = readonly [name: string, type: string];
/** One INSERT of many rows: the columns sent as arrays and unnested by the server. */
export function insert(
  table: string,
  cols: readonly Col[],
  rows: unknown[][],
): RawBuilder<unknown> {
  const arrays = cols.map(([, type], i) => sql`${rows.map((r) => r[i])}::${sql.raw(type)}[]`);
  const names = cols.map(([name]) => name).join(', ');
  return sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)})
    SELECT * FROM unnest(${sql.join(arrays)})`;
}

export const documentCols: Col[] = [
  ['id', 'uuid'],
  ['origin', 'text'],
  ['agency_id', 'uuid'],
  ['issuer_name', 'text'],
  ['state', 'text'],
  ['type_key', 'text'],
  ['summary', 'text'],
  ['pages', 'int4'],
  ['register_id', 'uuid'],
  ['number', 'int4'],
  ['symbol', 'text'],
  ['symbol_tail', 'text'],
  ['issued_on', 'date'],
  ['issued_at', 'timestamptz'],
  ['signer_name', 'text'],
  ['signer_position', 'text'],
  ['signed_at', 'timestamptz'],
  ['pdf_sha256', 'text'],
  ['issued_sha256', 'text'],
  ['pdf_text', 'text'],
  ['search_text', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
export const recipientCols: Col[] = [
  ['id', 'uuid'],
  ['document_id', 'uuid'],
  ['ordinal', 'int4'],
  ['agency_id', 'uuid'],
  ['name', 'text'],
  ['delivered_at', 'timestamptz'],
  ['incoming_id', 'uuid'],
];
export const incomingCols: Col[] = [
  ['id', 'uuid'],
  ['document_id', 'uuid'],
  ['agency_id', 'uuid'],
  ['register_id', 'uuid'],
  ['number', 'int4'],
  ['source', 'text'],
  ['sender_agency_id', 'uuid'],
  ['received_at', 'timestamptz'],
  ['received_on', 'date'],
  ['state', 'text'],
  ['completed_at', 'timestamptz'],
  ['completed_on', 'date'],
  ['updated_at', 'timestamptz'],
];

export type Register = {
  id: string;
  agencyId: string;
  kind: string;
  series: string;
  typeKeys: string[];
  last: number;
};

/** Every agency's registers of the year (the default series created when missing). */
export async function registersOf(
  trx: Transaction<unknown>,
  agencyIds: string[],
  year: number,
  now: Date,
) {
  const defaults = [
    ['outgoing', 'default', 'Sổ đăng ký văn bản đi', []],
    ['outgoing', 'quyet-dinh', 'Sổ đăng ký quyết định, quy định, quy chế', [...decisionTypeKeys]],
    ['incoming', 'default', 'Sổ đăng ký văn bản đến', []],
  ] as const;
  const rows = agencyIds.flatMap((a) => defaults.map((d) => [a, ...d] as const));
  await sql`
    INSERT INTO document.registers (agency_id, kind, series, name, type_keys, year, created_at, updated_at)
    SELECT t.a, t.k, t.s, t.n, string_to_array(t.tk, ','), ${year}, ${now}, ${now}
    FROM unnest(${rows.map((r) => r[0])}::uuid[], ${rows.map((r) => r[1])}::text[],
      ${rows.map((r) => r[2])}::text[], ${rows.map((r) => r[3])}::text[],
      ${rows.map((r) => r[4].join(','))}::text[]) AS t (a, k, s, n, tk)
    ON CONFLICT (agency_id, kind, year, series) DO NOTHING`.execute(trx);
  const found = await sql<Register>`
    SELECT id, agency_id, kind, series, type_keys, last_number AS last FROM document.registers
    WHERE year = ${year} AND agency_id = ANY(${agencyIds}::uuid[])
    FOR UPDATE`.execute(trx);
  const all = found.rows.map((r) => ({ ...r, last: Number(r.last) }));
  const byAgency = new Map<string, Register[]>();
  for (const r of all) byAgency.set(r.agencyId, [...(byAgency.get(r.agencyId) ?? []), r]);
  /** The register a document of this type goes in: its own series, else the default. */
  const registerFor = (agencyId: string, kind: 'outgoing' | 'incoming', typeKey: string) => {
    const list = (byAgency.get(agencyId) ?? []).filter((r) => r.kind === kind);
    const r =
      list.find((x) => x.typeKeys.includes(typeKey)) ?? list.find((x) => x.series === 'default');
    if (!r) throw new Error(`no ${kind} register for ${agencyId}`);
    return r;
  };
  return { all, registerFor };
}
