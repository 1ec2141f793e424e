import { sql } from 'kysely';
import type { Exec } from './tables.js';

/**
 * The next number of an agency's day. Upsert-and-increment in the caller's transaction:
 * the row lock orders concurrent filings and a rollback gives the number back.
 */
export async function nextSequence(trx: Exec, agencyCode: string, day: string): Promise<number> {
  const { rows } = await sql<{ lastSeq: number }>`
    INSERT INTO dossier.code_counters (agency_code, day, last_seq)
    VALUES (${agencyCode}, ${day}, 1)
    ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = dossier.code_counters.last_seq + 1
    RETURNING last_seq`.execute(trx);
  return Number(rows[0]!.lastSeq);
}
