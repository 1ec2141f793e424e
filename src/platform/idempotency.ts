import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { DomainError } from './errors.js';

/**
 * Idempotent creation (STYLE rule 12). A create request carries an `Idempotency-Key`; the
 * service claims `(scope, key)` inside the transaction that creates the resource. A repeat
 * of the same request finds the claim and gets the resource it made; a concurrent repeat
 * waits on the primary key until the first transaction ends. The same key with a different
 * body is refused: the client reused a key by mistake.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; resourceId: string };

export function fingerprintOf(body: unknown): string {
  return createHash('sha256').update(stableJson(body)).digest('base64url');
}

/** Claims the key for a resource about to be created; `replay` names the one already made. */
export async function claimIdempotencyKey(
  trx: Transaction<unknown>,
  input: { scope: string; key: string; fingerprint: string; resourceId: string; now: Date },
): Promise<IdempotencyClaim> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(input.key)) throw invalidKey();
  const inserted = await sql<{ resourceId: string }>`
    INSERT INTO platform.idempotency_keys (scope, key, fingerprint, resource_id, created_at)
    VALUES (${input.scope}, ${input.key}, ${input.fingerprint}, ${input.resourceId}, ${input.now})
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING resource_id`.execute(trx);
  if (inserted.rows.length > 0) return { kind: 'new' };
  const existing = await sql<{ fingerprint: string; resourceId: string }>`
    SELECT fingerprint, resource_id FROM platform.idempotency_keys
    WHERE scope = ${input.scope} AND key = ${input.key}`.execute(trx);
  const row = existing.rows[0];
  if (!row) throw new Error('idempotency key vanished between insert and select');
  if (row.fingerprint !== input.fingerprint) {
    throw new DomainError('conflict', 'idempotency.key_reused', {
      vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
      en: 'This Idempotency-Key was already used for a different request.',
    });
  }
  return { kind: 'replay', resourceId: row.resourceId };
}

export function invalidKey(): DomainError {
  return new DomainError('invalid', 'idempotency.key_invalid', {
    vi: 'Thiếu hoặc sai tiêu đề Idempotency-Key (8–128 ký tự chữ, số, . _ : -).',
    en: 'Missing or malformed Idempotency-Key header (8–128 letters, digits, . _ : -).',
  });
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
