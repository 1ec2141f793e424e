import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers, in the form they have in the database. */
export type Link = {
  /** The log's order (for reading); `chain` and `link`: the row's place in its chain. */
  seq: number;
  chain: number;
  link: number;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  agencyId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientIp: string | null;
  prevHash: string;
};

/**
 * JSON with object keys sorted at every depth: jsonb does not keep key order,
 * so the hash must not depend on it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The link's hash. A link of chain 1 whose position is its seq — every link written before
 * there were several chains — hashes without `chain` and `link`, as it always did.
 */
export function hashLink(link: Link): string {
  const { chain, link: position, ...rest } = link;
  const fields = chain === 1 && position === link.seq ? rest : link;
  const body = canonicalJson({ ...fields, occurredAt: link.occurredAt.toISOString() });
  return createHash('sha256').update(body).digest('hex');
}
