import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import { type Executor, narrow } from '../../../platform/db/executor.js';
import type { RoleCode } from '../roles.js';

type UsersTable = {
  id: Generated<string>;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  kind: 'official' | 'citizen';
  agencyId: string | null;
  position: string | null;
  passwordHash: string;
  mustChangePassword: Generated<boolean>;
  isActive: Generated<boolean>;
  totpSecret: ColumnType<string | null, string | null | undefined>;
  totpPendingSecret: ColumnType<string | null, string | null | undefined>;
  totpEnabledAt: ColumnType<Date | null, Date | null | undefined>;
  totpLastStep: ColumnType<number | null, number | null | undefined>;
  lastLoginAt: ColumnType<Date | null, Date | null | undefined>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
};
export type UserRow = Selectable<UsersTable>;

type RoleAssignmentsTable = {
  id: Generated<string>;
  userId: string;
  role: RoleCode;
  agencyId: string;
  grantedBy: string | null;
  grantedAt: Date;
  revokedBy: ColumnType<string | null, string | null | undefined>;
  revokedAt: ColumnType<Date | null, Date | null | undefined>;
};
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;

type SessionsTable = {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: ColumnType<Date | null, Date | null | undefined>;
  clientIp: string | null;
  userAgent: string | null;
};
export type SessionRow = Selectable<SessionsTable>;

export type ThrottleRow = {
  key: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
};

export type IdentityTables = {
  'identity.users': UsersTable;
  'identity.roleAssignments': RoleAssignmentsTable;
  'identity.sessions': SessionsTable;
  'identity.loginThrottle': ThrottleRow;
};

export type Exec = Kysely<unknown> | Transaction<unknown>;
export const q = (exec: Exec): Executor<IdentityTables> => narrow<IdentityTables>(exec);
