import type { Actor } from '../../../platform/http/access.js';
import { mfaRequiredRoles, provinceWidePermissions, rolePermissions } from '../roles.js';
import type { RoleAssignmentRow, UserRow } from '../store/tables.js';

/** permission → subtree roots, from the user's current role assignments. */
export function grantsOf(
  roles: RoleAssignmentRow[],
  provinceRootId: string | null,
): Map<string, Set<string>> {
  const grants = new Map<string, Set<string>>();
  for (const r of roles) {
    for (const permission of rolePermissions[r.role]) {
      const scope =
        provinceWidePermissions.has(permission) && provinceRootId ? provinceRootId : r.agencyId;
      let set = grants.get(permission);
      if (!set) grants.set(permission, (set = new Set()));
      set.add(scope);
    }
  }
  return grants;
}

export function needsMfaEnrollment(user: UserRow, roles: RoleAssignmentRow[]): boolean {
  return !user.totpEnabledAt && roles.some((r) => mfaRequiredRoles.has(r.role));
}

export function buildActor(
  user: UserRow,
  session: { id: string; csrfToken: string },
  roles: RoleAssignmentRow[],
  provinceRootId: string | null,
): Actor {
  return {
    userId: user.id,
    sessionId: session.id,
    username: user.username,
    fullName: user.fullName,
    kind: user.kind,
    agencyId: user.agencyId,
    grants: grantsOf(roles, provinceRootId),
    mfaEnrollmentRequired: needsMfaEnrollment(user, roles),
    passwordChangeRequired: user.mustChangePassword,
    csrfToken: session.csrfToken,
  };
}
