import { sql } from 'kysely';
import type { Exec } from './tables.js';

/**
 * Reserves `count` consecutive numbers of each agency's day, in the caller's transaction:
 * upsert-and-add, so the row lock orders concurrent filings and a rollback gives the numbers
 * back. Returns the last number reserved per `agencyCode|day`. Rows are taken in key order,
 * so two transactions reserving for the same agencies cannot deadlock.
 */
export async function reserveSequences(
  trx: Exec,
  wanted: ReadonlyMap<string, { agencyCode: string; day: string; count: number }>,
): Promise<Map<string, number>> {
  const keys = [...wanted.keys()].sort();
  if (keys.length === 0) return new Map();
  const { rows } = await sql<{ agencyCode: string; day: string; lastSeq: number }>`
    INSERT INTO dossier.code_counters (agency_code, day, last_seq)
    VALUES ${sql.join(
      keys.map((k) => {
        const w = wanted.get(k)!;
        return sql`(${w.agencyCode}, ${w.day}::date, ${w.count}::int)`;
      }),
    )}
    ON CONFLICT (agency_code, day) DO UPDATE
      SET last_seq = dossier.code_counters.last_seq + excluded.last_seq
    RETURNING agency_code, day::text AS day, last_seq`.execute(trx);
  return new Map(rows.map((r) => [`${r.agencyCode}|${r.day}`, Number(r.lastSeq)]));
}
