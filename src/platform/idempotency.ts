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

export type ClaimInput = {
  scope: string;
  key: string;
  fingerprint: string;
  resourceId: string;
  now: Date;
};

/** Claims the key for a resource about to be created; `replay` names the one already made. */
export async function claimIdempotencyKey(
  trx: Transaction<unknown>,
  input: ClaimInput,
): Promise<IdempotencyClaim> {
  const [claim] = await claimIdempotencyKeys(trx, [input]);
  if (claim instanceof DomainError) throw claim;
  return claim!;
}

/**
 * Claims several keys in one statement (a batch of creations in one transaction). Each
 * answer is a claim, or the error of that request alone (malformed key, key reused for
 * another body); the same key twice in the batch makes the second a replay of the first.
 */
export async function claimIdempotencyKeys(
  trx: Transaction<unknown>,
  inputs: readonly ClaimInput[],
): Promise<(IdempotencyClaim | DomainError)[]> {
  const idOf = (c: ClaimInput) => `${c.scope}\u0000${c.key}`;
  const valid = inputs.filter((c) => IDEMPOTENCY_KEY_PATTERN.test(c.key));
  const first = new Map<string, ClaimInput>();
  for (const c of valid) if (!first.has(idOf(c))) first.set(idOf(c), c);
  const claimed = new Set<string>();
  if (first.size > 0) {
    const inserted = await sql<{ scope: string; key: string }>`
      INSERT INTO platform.idempotency_keys (scope, key, fingerprint, resource_id, created_at)
      VALUES ${sql.join(
        [...first.values()].map(
          (c) =>
            sql`(${c.scope}, ${c.key}, ${c.fingerprint}, ${c.resourceId}, ${c.now}::timestamptz)`,
        ),
      )}
      ON CONFLICT (scope, key) DO NOTHING
      RETURNING scope, key`.execute(trx);
    for (const r of inserted.rows) claimed.add(`${r.scope}\u0000${r.key}`);
  }
  // Keys claimed before (or twice in this batch): what they were claimed for.
  const seen = [...first.values()].filter((c) => !claimed.has(idOf(c)));
  const dupes = valid.filter((c) => first.get(idOf(c)) !== c);
  const lookup = [...seen, ...dupes];
  const existing = new Map<string, { fingerprint: string; resourceId: string }>();
  if (lookup.length > 0) {
    const found = await sql<{
      scope: string;
      key: string;
      fingerprint: string;
      resourceId: string;
    }>`
      SELECT scope, key, fingerprint, resource_id FROM platform.idempotency_keys
      WHERE (scope, key) IN (${sql.join(lookup.map((c) => sql`(${c.scope}, ${c.key})`))})`.execute(
      trx,
    );
    for (const r of found.rows) existing.set(`${r.scope}\u0000${r.key}`, r);
  }
  return inputs.map((c): IdempotencyClaim | DomainError => {
    if (!IDEMPOTENCY_KEY_PATTERN.test(c.key)) return invalidKey();
    if (first.get(idOf(c)) === c && claimed.has(idOf(c))) return { kind: 'new' };
    const row = existing.get(idOf(c));
    if (!row) throw new Error('idempotency key vanished between insert and select');
    if (row.fingerprint !== c.fingerprint) return keyReused();
    return { kind: 'replay', resourceId: row.resourceId };
  });
}

function keyReused(): DomainError {
  return new DomainError('conflict', 'idempotency.key_reused', {
    vi: 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  });
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
