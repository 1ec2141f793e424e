import type { Exec, SignatureRow } from './tables.js';
import { q } from './tables.js';

export async function insertSignature(exec: Exec, row: Omit<SignatureRow, 'id'>): Promise<void> {
  await q(exec).insertInto('pki.signatures').values(row).execute();
}

export const findSignaturesByDigest = (exec: Exec, digests: string[]): Promise<SignatureRow[]> =>
  digests.length === 0
    ? Promise.resolve([])
    : q(exec)
        .selectFrom('pki.signatures')
        .selectAll()
        .where('signatureDigest', 'in', digests)
        .execute();
