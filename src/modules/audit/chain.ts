import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers, in the form they have in the database. */
export type Link = {
  seq: number;
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

export function hashLink(link: Link): string {
  const body = canonicalJson({ ...link, occurredAt: link.occurredAt.toISOString() });
  return createHash('sha256').update(body).digest('hex');
}
