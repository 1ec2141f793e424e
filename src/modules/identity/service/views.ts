import type { RoleCode } from '../roles.js';
import type { RoleAssignmentRow, UserRow } from '../store/tables.js';

/** What leaves the service about a user: never the hash or the TOTP secret. */
export type UserView = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  kind: 'official' | 'citizen';
  agencyId: string | null;
  position: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  roles: { id: string; role: RoleCode; agencyId: string; grantedAt: Date }[];
};

export function userView(user: UserRow, roles: RoleAssignmentRow[]): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    kind: user.kind,
    agencyId: user.agencyId,
    position: user.position,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabledAt !== null,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    roles: roles
      .filter((r) => r.userId === user.id)
      .map((r) => ({ id: r.id, role: r.role, agencyId: r.agencyId, grantedAt: r.grantedAt })),
  };
}

/** The audit snapshot of a user (secrets are dropped again by the audit writer). */
export function auditSnapshot(user: UserRow) {
  const {
    passwordHash: _p,
    totpSecret: _t,
    totpPendingSecret: _tp,
    totpLastStep: _s,
    ...rest
  } = user;
  return rest;
}
