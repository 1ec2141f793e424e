import { api, type Query } from '../../app/api';

export type AuditEvent = {
  seq: number;
  id: string;
  occurredAt: string;
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
  hash: string;
};

export type VerifyResult = {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  chains: { chain: number; seq: number; hash: string }[];
  firstBroken?: {
    chain: number;
    seq: number;
    reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'tail_missing';
  };
};

export const listEvents = (query: Query) =>
  api.get<{ items: AuditEvent[]; nextBeforeSeq: number | null }>('/api/audit/events', query);
export const verifyChain = () => api.get<VerifyResult>('/api/audit/verify');

/** The actions the server records (grep `action: '` in src/modules); others show their code. */
export const knownActions = [
  'identity.login',
  'identity.logout',
  'identity.user_create',
  'identity.user_update',
  'identity.user_seed',
  'identity.admin_create',
  'identity.citizen_register',
  'identity.password_change',
  'identity.password_reset',
  'identity.role_grant',
  'identity.role_revoke',
  'identity.totp_start',
  'identity.totp_enable',
  'identity.totp_disable',
  'agency.create',
  'agency.update',
  'agency.end',
  'agency.import',
  'agency.seed',
  'calendar.day_create',
  'calendar.day_update',
  'calendar.day_delete',
  'calendar.seed',
] as const;

export const knownTargetTypes = [
  'user',
  'session',
  'agency',
  'calendar.day',
  'calendar.special_days',
] as const;
