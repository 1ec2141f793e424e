import { z } from 'zod';

export const AuditEvent = z.object({
  /** The log's order; `chain` and `link`: the event's place in its hash chain. */
  seq: z.number().int(),
  chain: z.number().int(),
  link: z.number().int(),
  id: z.uuid(),
  occurredAt: z.date(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  agencyId: z.uuid().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const ListAuditEventsQuery = z.object({
  agencyId: z.uuid().optional(),
  /** Include the agency's whole subtree (default) or that agency alone. */
  subtree: z.stringbool().default(true),
  actorUserId: z.uuid().optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(128).optional(),
  action: z.string().max(128).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuery>;

export const AuditEventPage = z.object({
  items: z.array(AuditEvent),
  nextBeforeSeq: z.number().int().nullable(),
});

export const VerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** Links in all chains, and one digest of the chains' heads. */
  headSeq: z.number().int(),
  headHash: z.string(),
  chains: z.array(z.object({ chain: z.number().int(), seq: z.number().int(), hash: z.string() })),
  firstBroken: z
    .object({
      /** The chain, and the position in it where it breaks. */
      chain: z.number().int(),
      seq: z.number().int(),
      reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'tail_missing']),
    })
    .optional(),
});
